import { z } from 'zod';
import { storageQuotaBytes } from '@/lib/dal/resources/quota';
import { withViewer } from '@/lib/route';
import { maxUploadBytes, receiveUpload, REFUSAL_STATUS } from '@/lib/uploads/receive';

export const dynamic = 'force-dynamic';

/**
 * Streamed file uploads for the resource library and direct messages' attachments: the raw file is the request body (no multipart, no
 * server-action body limit), its name the `name` query parameter. Same-origin requests only. Answers
 * the stored file's id, or a refusal with a sentence to show (over the upload limit: when to try again).
 */
export const POST = withViewer({
  access: 'member',
  // `for=message`: a direct message's attachment (decision 027); otherwise the resource library.
  query: z.object({ name: z.string().max(1000), for: z.enum(['resource', 'message']).default('resource') }),
  rateLimit: 'upload',
  rateLimitMessage: 'resources.upload.refused.rateLimited',
  sameOrigin: true,
  async handler({ req, query: { name, for: purpose }, viewer, request, t }) {
    const declared = req.headers.get('content-length');
    const result = await receiveUpload(
      viewer,
      { fileName: name, body: req.body, declaredSize: declared ? Number(declared) : null },
      request,
      purpose,
    );
    if (result.ok) return Response.json({ file: result.file }, { status: 201 });
    const message = t(`resources.upload.refused.${result.refusal}`, {
      max: Math.round(maxUploadBytes() / 1024 / 1024),
      quota: Math.round(storageQuotaBytes() / 1024 / 1024),
    });
    return Response.json({ error: result.refusal, message }, { status: REFUSAL_STATUS[result.refusal] });
  },
});
