import { z } from 'zod';
import { storageQuotaBytes } from '@/lib/dal/resources/quota';
import { withViewer } from '@/lib/route';
import { maxUploadBytes, receiveUpload, REFUSAL_STATUS } from '@/lib/uploads/receive';

export const dynamic = 'force-dynamic';

/**
 * Streamed file uploads for the resource library: the raw file is the request body (no multipart, no
 * server-action body limit), its name the `name` query parameter. Same-origin requests only. Answers
 * the stored file's id, or a refusal with a sentence to show (over the upload limit: when to try again).
 */
export const POST = withViewer({
  access: 'member',
  query: z.object({ name: z.string().max(1000) }),
  rateLimit: 'upload',
  rateLimitMessage: 'resources.upload.refused.rateLimited',
  sameOrigin: true,
  async handler({ req, query: { name }, viewer, request, t }) {
    const declared = req.headers.get('content-length');
    const result = await receiveUpload(viewer, { fileName: name, body: req.body, declaredSize: declared ? Number(declared) : null }, request);
    if (result.ok) return Response.json({ file: result.file }, { status: 201 });
    const message = t(`resources.upload.refused.${result.refusal}`, {
      max: Math.round(maxUploadBytes() / 1024 / 1024),
      quota: Math.round(storageQuotaBytes() / 1024 / 1024),
    });
    return Response.json({ error: result.refusal, message }, { status: REFUSAL_STATUS[result.refusal] });
  },
});
