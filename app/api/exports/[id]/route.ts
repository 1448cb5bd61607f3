import { Readable } from 'node:stream';
import { openOwnExport } from '@/lib/dal/privacy/exports';
import { withViewer } from '@/lib/route';
import { exportParamsSchema } from '@/lib/validation/privacy';

/**
 * Downloads the viewer's own data export (decision 020): only its owner, only while it is ready (24 h);
 * anything else is a 404. Never cached, always an attachment; each download is audited.
 */
export const GET = withViewer({
  access: 'member',
  params: exportParamsSchema,
  rateLimit: 'download',
  async handler({ params: { id }, viewer, request }) {
    const file = await openOwnExport(viewer, id, request);
    const day = file.readyAt.toISOString().slice(0, 10);
    return new Response(Readable.toWeb(file.body) as ReadableStream, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Length': String(file.size),
        'Content-Disposition': `attachment; filename="protectors-portal-my-data-${day}.zip"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    });
  },
});
