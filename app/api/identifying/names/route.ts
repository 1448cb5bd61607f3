import { z } from 'zod';
import { detectNames } from '@/lib/identifying/names';
import { withViewer } from '@/lib/route';
import { POST_MAX } from '@/lib/values';

export const dynamic = 'force-dynamic';

/** A draft of POST_MAX characters, each at most four bytes in UTF-8, with the JSON around it. */
const MAX_BYTES = POST_MAX * 4 + 1024;
const draftSchema = z.object({ text: z.string().max(POST_MAX) });

/**
 * Personal names in a draft, while the member writes (issue 14, decision 028): the names library is too
 * heavy for the browser, so the editor sends its text here a moment after typing stops and marks what
 * comes back beside its own pattern matches. The text is neither stored nor logged; the server checks
 * again when the member publishes. Signed-in members only, from the portal's own pages, rate-limited.
 */
export const POST = withViewer({
  access: 'member',
  sameOrigin: true,
  rateLimit: 'lookup',
  async handler({ req, t }) {
    if (Number(req.headers.get('content-length') ?? 0) > MAX_BYTES) return Response.json({ error: 'tooLarge' }, { status: 413 });
    const draft = draftSchema.safeParse(await req.json().catch(() => null));
    if (!draft.success) return Response.json({ error: 'invalid', message: t('errors.checkFields') }, { status: 400 });
    return Response.json({ matches: detectNames(draft.data.text) });
  },
});
