/**
 * One-click unsubscribe (RFC 8058) without signing in: a token per member and kind, signed with the
 * server's secret (HMAC-SHA-256), so it cannot be made for someone else or changed to another kind.
 * It turns that kind's emails off and leaves the portal's notifications as they were.
 */
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PREFERENCE_KINDS, type PreferenceKind } from '@/db/schema';

/** What a token stops: one kind's emails, or the digests. */
export type UnsubscribeScope = PreferenceKind | 'digest';
const SCOPES: readonly string[] = [...PREFERENCE_KINDS, 'digest'];
import { getDb } from '@/db';
import { audit } from '@/lib/audit';
import { config } from '@/lib/config';
import { isUuid } from '@/lib/dal/pagination';
import type { RequestInfo } from '@/lib/request';
import { withoutEmail } from './preferences';

const sign = (payload: string) => createHmac('sha256', config().authSecret).update(`unsubscribe:v1:${payload}`).digest('base64url');

export function unsubscribeToken(userId: string, kind: UnsubscribeScope): string {
  const payload = `${userId}.${kind}`;
  return `${payload}.${sign(payload)}`;
}

/** The member and kind a token names, or null when it is malformed or its signature is wrong. */
export function readUnsubscribeToken(token: string): { userId: string; kind: UnsubscribeScope } | null {
  const [userId, kind, signature, ...rest] = token.split('.');
  if (rest.length || !userId || !kind || !signature || !isUuid(userId) || !SCOPES.includes(kind)) return null;
  const expected = Buffer.from(sign(`${userId}.${kind}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, kind: kind as UnsubscribeScope };
}

/** Turns off the emails a token names; false for a forged or malformed token (nothing changes). Audited. */
export async function unsubscribeWithToken(token: string, request: RequestInfo): Promise<{ kind: UnsubscribeScope } | null> {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const changed = await getDb().transaction(async (tx) => {
    const done = await withoutEmail(read.userId, read.kind, tx);
    if (done)
      await audit(
        {
          actorId: read.userId,
          action: 'notifications.unsubscribed',
          targetType: 'user',
          targetId: read.userId,
          ip: request.ip,
          details: { kind: read.kind },
        },
        tx,
      );
    return done;
  });
  return changed ? { kind: read.kind } : null;
}
