/**
 * The audit log's CSV export (decision 022): admins only (auditLogBatches asserts console access before
 * anything is read or written); each export is itself an audit row, `audit.exported`, naming its filters.
 */
import 'server-only';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import type { RequestInfo } from '@/lib/request';
import type { AuditFilters } from '@/lib/validation/admin';
import { auditLogBatches, type AuditRow } from './audit-log';

/** Every row the filters match, newest first, in keyset batches; the export is recorded first. */
export async function exportAuditLog(viewer: Viewer, filters: AuditFilters, request: RequestInfo): Promise<AsyncGenerator<AuditRow[]>> {
  const { cursor: _cursor, ...rest } = filters;
  const batches = auditLogBatches(viewer, rest);
  const recorded = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== ''));
  await audit({ actorId: viewer.id, action: 'audit.exported', ip: request.ip, details: { filters: recorded, timeZone: viewer.timeZone } });
  return batches;
}

/** One row as a CSV record: the columns of AUDIT_CSV_COLUMNS, times in UTC (ISO 8601), details as JSON. */
export function auditCsvRecord(row: AuditRow): (string | number | null)[] {
  return [
    row.id,
    row.at.toISOString(),
    row.actor?.id ?? null,
    row.actor?.name ?? null,
    row.actor?.email ?? null,
    row.action,
    row.targetType,
    row.targetId,
    row.targetLabel,
    row.ip,
    Object.keys(row.details).length ? JSON.stringify(row.details) : null,
  ];
}

/** The message keys (admin.audit.csv.*) of the header, in record order. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'time',
  'actorId',
  'actorName',
  'actorEmail',
  'action',
  'targetType',
  'targetId',
  'target',
  'ip',
  'details',
] as const;
