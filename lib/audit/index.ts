import 'server-only';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import type { Tx } from '@/db';
import { chainHash, lockChainHead } from './chain';

export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_refused',
  'auth.sign_out',
  'auth.register',
  'auth.register_existing_email',
  'auth.verify_email',
  'auth.verification_resent',
  'account.email_change_requested',
  'account.email_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.password_changed',
  'auth.session_revoked',
  'auth.sessions_revoked_all',
  'auth.rate_limited',
  'auth.second_factor_passed',
  'auth.second_factor_failed',
  'auth.second_factor_added',
  'auth.second_factor_removed',
  'auth.second_factor_reset',
  'auth.recovery_codes_regenerated',
  'auth.reauthenticated',
  'auth.reauthentication_failed',
  'settings.second_factor_required',
  'application.approved',
  'application.rejected',
  'application.endorsed',
  'application.endorsement_declined',
  'invitation.sent',
  'user.removed_from_organisation',
  'focal_point.nominated',
  'focal_point.nomination_confirmed',
  'focal_point.nomination_declined',
  'settings.people',
  'application.deleted',
  'application.purged',
  'account.deleted',
  'account.export_requested',
  'account.export_downloaded',
  'user.role_changed',
  'user.admin_created',
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
  'thread.marking_changed',
  'post.deleted',
  'post.hidden',
  'post.restored',
  'post.reported',
  'post.author_revealed',
  'report.resolved',
  'report.dismissed',
  'thread.reported',
  'resource.reported',
  'person.reported',
  'organisation.reported',
  'user.warned',
  'user.suspended_temporarily',
  'user.suspension_lifted',
  'moderation.settings_changed',
  'message.reported',
  'message.hidden',
  'message.restored',
  'message_report.resolved',
  'member.blocked',
  'member.unblocked',
  'file.uploaded',
  'upload.blocked',
  'file.quarantined',
  'quarantine.mode_changed',
  'quarantine.reviewed',
  'resource.created',
  'resource.updated',
  'resource.marking_changed',
  'resource.deleted',
  'resource.version_added',
  'resource.downloaded',
  'blocklist.added',
  'blocklist.imported',
  'blocklist.removed',
  'notifications.unsubscribed',
  'notifications.preferences_updated',
  'guidelines.published',
  'guidelines.accepted',
  'reverification.scheduled',
  'reverification.confirmed',
  'reverification.left',
  'reverification.suspended',
  'audit.exported',
  'authz.denied',
  'content.identifying_acknowledged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actorId?: string | null;
  action: AuditAction;
  targetType?:
    | 'user'
    | 'organisation'
    | 'guidelines'
    | 'session'
    | 'expertise'
    | 'space'
    | 'thread'
    | 'post'
    | 'report'
    | 'resource'
    | 'file'
    | 'blocked_hash'
    | 'quarantine_incident'
    | 'data_export'
    | 'message'
    | 'message_report';
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one row to the audit log (inside the caller's transaction when given one), chained to the row
 * before it (./chain.ts). The chain's lock is held until that transaction ends, so keep audited
 * transactions short.
 */
export async function audit(entry: AuditEntry, tx?: Tx): Promise<void> {
  const write = async (db: Tx) => {
    const prevHash = await lockChainHead(db);
    const row = {
      at: new Date(),
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      // As stored and read back (jsonb): what the hash covers must survive the round trip.
      details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    };
    await db.insert(auditLog).values({ ...row, prevHash, hash: chainHash(prevHash, row) });
  };
  await (tx ? write(tx) : getDb().transaction(write));
}
