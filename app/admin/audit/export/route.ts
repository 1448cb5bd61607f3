import { csvStream } from '@/lib/csv';
import { AUDIT_CSV_COLUMNS, auditCsvRecord, exportAuditLog } from '@/lib/dal/console/audit-export';
import { withViewer } from '@/lib/route';
import { auditFiltersSchema } from '@/lib/validation/admin';

/**
 * The audit log as CSV, with the audit page's filters (decision 022): every matching row, streamed in
 * keyset batches, never one page. Admins only (a 404 to anyone else, decided in the data layer); each
 * export is audited (`audit.exported`).
 */
export const GET = withViewer({
  access: 'member',
  query: auditFiltersSchema,
  rateLimit: 'download',
  async handler({ query, viewer, request, t }) {
    const batches = await exportAuditLog(viewer, query, request);
    const header = AUDIT_CSV_COLUMNS.map((column) => t(`admin.audit.csv.${column}`));
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csvStream(header, batches, auditCsvRecord), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-log-${day}.csv"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
});
