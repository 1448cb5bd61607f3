import { createTranslator } from 'next-intl';
import { z } from 'zod';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import { withViewer } from '@/lib/route';
import { maxUploadBytes, receiveUpload, type UploadRefusal } from '@/lib/uploads/receive';

export const dynamic = 'force-dynamic';

const STATUS: Record<UploadRefusal, number> = {
  nameInvalid: 400,
  typeNotAllowed: 415,
  typeMismatch: 415,
  notText: 415,
  imageUnreadable: 415,
  tooLarge: 413,
  empty: 400,
  refused: 422,
};

/**
 * Streamed file uploads for the resource library: the raw file is the request body (no multipart, no
 * server-action body limit), its name the `name` query parameter. Answers the stored file's id, or a
 * refusal with a sentence to show.
 */
export async function POST(req: Request): Promise<Response> {
  return withViewer({
    access: 'member',
    query: z.object({ name: z.string().max(1000) }),
    rateLimit: 'upload',
    async handler({ name }, { viewer, request }) {
      const declared = req.headers.get('content-length');
      const result = await receiveUpload(viewer, { fileName: name, body: req.body, declaredSize: declared ? Number(declared) : null }, request);
      const headers = { 'Cache-Control': 'private, no-store' };
      if (result.ok) return Response.json({ file: result.file }, { status: 201, headers });
      const locale = isLocale(viewer.locale) ? viewer.locale : DEFAULT_LOCALE;
      const t = createTranslator({ locale, messages: messagesFor(locale), namespace: 'resources.upload.refused' });
      return Response.json(
        { error: result.refusal, message: t(result.refusal, { max: Math.round(maxUploadBytes() / 1024 / 1024) }) },
        { status: STATUS[result.refusal], headers },
      );
    },
  })(req);
}
