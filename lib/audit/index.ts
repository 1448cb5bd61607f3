import 'server-only';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import type { Tx } from '@/db';

export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_refused',
  'auth.sign_out',
  'auth.register',
  'auth.register_existing_email',
  'auth.verify_email',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.password_changed',
  'auth.session_revoked',
  'auth.sessions_revoked_all',
  'auth.rate_limited',
  'application.approved',
  'application.rejected',
  'user.role_changed',
  'user.suspended',
  'user.reactivated',
  'user.focal_point_changed',
  'organisation.updated',
  'organisation.deactivated',
  'organisation.reactivated',
  'organisation.profile_updated',
  'organisation.logo_updated',
  'profile.updated',
  'expertise.added',
  'space.created',
  'space.updated',
  'space.archived',
  'space.unarchived',
  'space.member_added',
  'space.member_removed',
  'space.manager_changed',
  'space.join_requested',
  'space.join_accepted',
  'space.join_declined',
  'thread.urgent_set',
  'thread.urgent_cleared',
  'thread.locked',
  'thread.unlocked',
  'thread.pinned',
  'thread.unpinned',
  'thread.moved',
  'post.deleted',
  'post.hidden',
  'post.restored',
  'post.reported',
  'report.resolved',
  'file.uploaded',
  'upload.blocked',
  'resource.created',
  'resource.updated',
  'resource.deleted',
  'resource.version_added',
  'resource.downloaded',
  'blocklist.added',
  'blocklist.imported',
  'blocklist.removed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actorId?: string | null;
  action: AuditAction;
  targetType?: 'user' | 'organisation' | 'session' | 'expertise' | 'space' | 'thread' | 'post' | 'report' | 'resource' | 'file' | 'blocked_hash';
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one row to the audit log (inside the caller's transaction when given one). */
export async function audit(entry: AuditEntry, tx?: Tx): Promise<void> {
  await (tx ?? getDb()).insert(auditLog).values({
    actorId: entry.actorId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}
