import { Readable } from 'node:stream';
import { z } from 'zod';
import { FILE_SERVING, openVisibleFile } from '@/lib/dal/files/files';
import { recordResourceDownload, resourceMarkingOfFile, trailedMarking, visibleResourceOfFile } from '@/lib/dal/resources/downloads';
import { watermarkDownload } from '@/lib/pdf/download';
import { tlpLabel } from '@/lib/tlp';
import { fromOwnPage, withViewer } from '@/lib/route';

/**
 * Downloads a stored file. Visibility is re-checked on every request (lib/dal/files: fileAccess); a file
 * the viewer may not see is a 404. Images are sent inline, everything else as an attachment with a safe
 * name; never sniffed, never framed, never run as a page. Resource files: images may be previewed inline
 * (?inline=1); each download is counted and, for resources not visible to all members, trailed
 * (recordResourceDownload re-checks resourceAccess in its own query). Only a request from the portal's
 * own pages (fromOwnPage) downloads a resource file: another site's link or image, a typed address or a
 * client without fetch metadata is sent to the resource's page (303) and nothing is recorded, so nobody
 * can make a colleague "download" a restricted file (decision 021). PDFs of AMBER, AMBER+STRICT and RED
 * resources are sent with the downloader's name, organisation and the time on every page (decision 030),
 * and trailed; one that cannot be watermarked is not sent.
 */
export const GET = withViewer({
  access: 'member',
  params: z.object({ id: z.uuid() }),
  query: z.object({ inline: z.enum(['1']).optional() }),
  rateLimit: 'download',
  async handler({ req, params: { id }, query: { inline }, viewer, request }) {
    if (!fromOwnPage(req)) {
      const resourceId = await visibleResourceOfFile(viewer, id);
      if (resourceId) return new Response(null, { status: 303, headers: { Location: `/resources/${resourceId}` } });
    }
    const file = await openVisibleFile(viewer, id);
    let serving = FILE_SERVING[file.purpose];
    let watermarked: Uint8Array | null = null;
    if (file.purpose === 'resource') {
      if (inline && file.contentType.startsWith('image/')) serving = { ...serving, disposition: 'inline' };
      try {
        const marking = await resourceMarkingOfFile(viewer, file.id);
        if (trailedMarking(marking) && file.contentType === 'application/pdf') {
          watermarked = await watermarkDownload(file.body, {
            label: tlpLabel(marking),
            name: viewer.name,
            organisation: viewer.organisationName,
            at: new Date(),
          });
        }
        await recordResourceDownload(viewer, file.id, { inline: serving.disposition === 'inline', request });
      } catch (error) {
        file.body.destroy();
        throw error;
      }
    }
    const body = watermarked ? new Blob([watermarked as Uint8Array<ArrayBuffer>]).stream() : (Readable.toWeb(file.body) as ReadableStream);
    return new Response(body, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(watermarked ? watermarked.byteLength : file.size),
        'Content-Disposition': `${serving.disposition}; filename="${file.downloadName}"`,
        'Cache-Control': serving.cacheControl,
        // A watermarked copy is the downloader's own: no ETag that would match another's.
        ...(watermarked ? {} : { ETag: `"${file.sha256}"` }),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    });
  },
});
