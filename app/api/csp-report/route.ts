import { CSP_REPORT_MAX_BYTES, parseCspReport } from '@/lib/csp-report';
import { withViewer } from '@/lib/route';

export const dynamic = 'force-dynamic';

/**
 * Where browsers send Content-Security-Policy violations (`report-uri` and `report-to` in proxy.ts): each
 * is logged as a warning, addresses without their query. Public (a visitor's browser reports too),
 * limited per client address, bodies of at most 16 KB; nothing is stored.
 */
export const POST = withViewer({
  access: 'public',
  rateLimit: 'cspReport',
  async handler({ req, log }) {
    if (Number(req.headers.get('content-length') ?? 0) > CSP_REPORT_MAX_BYTES) return new Response(null, { status: 413 });
    const body = await req.text();
    if (body.length > CSP_REPORT_MAX_BYTES) return new Response(null, { status: 413 });
    const violations = parseCspReport(body);
    if (!violations) return new Response(null, { status: 400 });
    for (const violation of violations) log.warn({ csp: violation }, 'content security policy violation');
    return new Response(null, { status: 204 });
  },
});
