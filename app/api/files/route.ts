import { z } from 'zod';
import { setOrganisationLogo } from '@/lib/dal/files/files';
import { UserError } from '@/lib/errors';
import { withViewer } from '@/lib/route';
import { LOGO_MAX_BYTES } from '@/lib/validation/profile';

/** Room for the multipart envelope around the largest allowed file. */
const MAX_BODY = LOGO_MAX_BYTES + 64 * 1024;

/**
 * Uploads an organisation's logo (multipart field `logo`): `POST /api/files?purpose=logo&organisation=<id>`.
 * A route handler rather than a server action because logos may be larger than a server action's input.
 * Same-origin requests only; the body is refused unread when it says it is too large. Answers
 * `{ ok: true, fileId }` or `{ error, message }` (a sentence to show beside the field).
 */
export const POST = withViewer({
  access: 'member',
  query: z.object({ purpose: z.literal('logo'), organisation: z.uuid() }),
  rateLimit: 'memberAction',
  sameOrigin: true,
  async handler({ req, query: { organisation }, viewer, request, t }) {
    const tooLarge = () => Response.json({ error: 'too_large', message: t('directory.logo.tooLarge') }, { status: 413 });
    if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY) return tooLarge();
    const form = await req.formData().catch(() => null);
    const file = form?.get('logo');
    if (!(file instanceof File) || file.size === 0) throw new UserError('directory.logo.empty', 'logo');
    if (file.size > LOGO_MAX_BYTES) return tooLarge();
    const { fileId } = await setOrganisationLogo(viewer, organisation, { bytes: Buffer.from(await file.arrayBuffer()), name: file.name }, request);
    return Response.json({ ok: true, fileId });
  },
});
