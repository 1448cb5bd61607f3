import { z } from 'zod';
import { withViewer } from '@/lib/route';
import { receiveLogo } from '@/lib/uploads/logo';
import { REFUSAL_STATUS, type UploadRefusal } from '@/lib/uploads/receive';

export const dynamic = 'force-dynamic';

/** The sentence (in the `directory.logo` namespace) for each refusal of a logo. */
const LOGO_MESSAGE: Record<UploadRefusal, string> = {
  nameInvalid: 'wrongType',
  typeNotAllowed: 'wrongType',
  typeMismatch: 'wrongType',
  notText: 'wrongType',
  imageUnreadable: 'unreadable',
  tooLarge: 'tooLarge',
  empty: 'empty',
  refused: 'refused',
  quotaExceeded: 'failed', // logos do not count against the storage quota
};

/**
 * Uploads an organisation's logo: `POST /api/files?purpose=logo&organisation=<id>&name=<file name>`, the
 * raw image as the body (like /api/uploads: no multipart, no server-action body limit). Same-origin
 * requests only. Whether the viewer may change the logo is decided before the body is read (404
 * otherwise); then the body goes through the streaming receiver (lib/uploads/logo.ts). Answers
 * `{ ok: true, fileId }` or `{ error, message }` (a sentence to show beside the field).
 */
export const POST = withViewer({
  access: 'member',
  query: z.object({ purpose: z.literal('logo'), organisation: z.uuid(), name: z.string().max(1000).optional() }),
  rateLimit: 'memberAction',
  sameOrigin: true,
  async handler({ req, query: { organisation, name }, viewer, request, t }) {
    const declared = req.headers.get('content-length');
    const result = await receiveLogo(
      viewer,
      organisation,
      { fileName: name, body: req.body, declaredSize: declared ? Number(declared) : null },
      request,
    );
    if (result.ok) return Response.json({ ok: true, fileId: result.fileId });
    return Response.json(
      { error: result.refusal, message: t(`directory.logo.${LOGO_MESSAGE[result.refusal]}`) },
      { status: REFUSAL_STATUS[result.refusal] },
    );
  },
});
