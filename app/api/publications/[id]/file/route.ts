import { Readable } from 'node:stream';
import { z } from 'zod';
import { FILE_SERVING, openPublishedFile } from '@/lib/dal/files/files';
import { getPublication } from '@/lib/dal/resources/publications';
import { NotFoundError } from '@/lib/errors';
import { withViewer } from '@/lib/route';

/**
 * The current file of a public report (decision 030), for anyone: only a resource marked TLP:CLEAR and
 * shared with all members (publicationAccess, re-checked in the query that opens the file), in
 * circulation. Anything else is a 404. Sent as an attachment, never sniffed or framed; public reports
 * carry no download trail.
 */
export const GET = withViewer({
  access: 'public',
  params: z.object({ id: z.uuid() }),
  rateLimit: 'download',
  async handler({ params: { id } }) {
    const publication = await getPublication(id);
    if (!publication.file) throw new NotFoundError('file');
    const file = await openPublishedFile(publication.file.id);
    return new Response(Readable.toWeb(file.body) as ReadableStream, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.size),
        'Content-Disposition': `attachment; filename="${file.downloadName}"`,
        'Cache-Control': FILE_SERVING.resource.cacheControl,
        ETag: `"${file.sha256}"`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    });
  },
});
