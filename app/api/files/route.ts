import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { setOrganisationLogo } from '@/lib/dal/files';
import { UserError } from '@/lib/errors';
import { withViewer } from '@/lib/route';
import { LOGO_MAX_BYTES } from '@/lib/validation/profile';

const noStore = { 'Cache-Control': 'private, no-store' };
/** Room for the multipart envelope around the largest allowed file. */
const MAX_BODY = LOGO_MAX_BYTES + 64 * 1024;

/**
 * Uploads an organisation's logo (multipart field `logo`): `POST /api/files?purpose=logo&organisation=<id>`.
 * A route handler rather than a server action because server actions cap bodies at 1 MB. Same-origin
 * requests only; the body is refused unread when it says it is too large. Answers
 * `{ ok: true, fileId }` or `{ ok: false, message }` (a sentence to show beside the field).
 */
export async function POST(req: Request): Promise<Response> {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return Response.json({ ok: false }, { status: 403, headers: noStore });
  return withViewer({
    access: 'member',
    query: z.object({ purpose: z.literal('logo'), organisation: z.uuid() }),
    rateLimit: 'memberAction',
    async handler({ organisation }, { viewer, request }) {
      const t = await getTranslations('directory.logo');
      const fail = (message: string, status = 400) => Response.json({ ok: false, message }, { status, headers: noStore });
      if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY) return fail(t('tooLarge'), 413);
      const form = await req.formData().catch(() => null);
      const file = form?.get('logo');
      if (!(file instanceof File) || file.size === 0) return fail(t('empty'));
      if (file.size > LOGO_MAX_BYTES) return fail(t('tooLarge'), 413);
      try {
        const { fileId } = await setOrganisationLogo(viewer, organisation, { bytes: Buffer.from(await file.arrayBuffer()), name: file.name }, request);
        return Response.json({ ok: true, fileId }, { headers: noStore });
      } catch (error) {
        if (error instanceof UserError) return fail((await getTranslations())(error.messageKey));
        throw error;
      }
    },
  })(req);
}
