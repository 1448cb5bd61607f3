import 'server-only';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { organisations, sessions, users } from '@/db/schema';
import type { Role, Sector } from '@/db/schema';
import { config } from '@/lib/config';
import { newSecret, sha256 } from './tokens';

/** Who is asking: loaded from a live session row on every request. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
  isFocalPoint: boolean;
  organisationId: string;
  organisationName: string;
  sector: Sector;
  isSecretariat: boolean;
  locale: string;
  timeZone: string;
  /** The SHA-256 of the session id (the key of its row). */
  sessionKey: string;
}

const TOUCH_EVERY_MS = 60_000;

export async function createSession(userId: string, info: { ip: string; userAgent: string }): Promise<string> {
  const { raw, hash } = newSecret();
  const expiresAt = new Date(Date.now() + config().SESSION_MAX_DAYS * 86_400_000);
  await getDb().insert(sessions).values({ id: hash, userId, expiresAt, ip: info.ip, userAgent: info.userAgent });
  return raw;
}

/**
 * The viewer for a raw session id, or null when the session is unknown, revoked, past its idle or
 * absolute limit, waiting for a second factor, or its account is no longer active.
 */
export async function viewerForSession(rawSessionId: string): Promise<Viewer | null> {
  if (!rawSessionId || rawSessionId.length > 100) return null;
  const key = sha256(rawSessionId);
  const idleCutoff = new Date(Date.now() - config().SESSION_IDLE_HOURS * 3_600_000);
  const [row] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      isFocalPoint: users.isFocalPoint,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      sector: organisations.sector,
      isSecretariat: organisations.isSecretariat,
      locale: users.locale,
      timeZone: users.timeZone,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(sessions.id, key),
        isNull(sessions.revokedAt),
        eq(sessions.secondFactorPending, false),
        gt(sessions.expiresAt, new Date()),
        gt(sessions.lastSeenAt, idleCutoff),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await getDb().update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, key));
  }
  const { lastSeenAt: _seen, ...viewer } = row;
  return { ...viewer, sessionKey: key };
}

export interface SessionSummary {
  key: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The viewer's own live sessions, most recent first. */
export async function listOwnSessions(viewer: Viewer): Promise<SessionSummary[]> {
  const rows = await getDb()
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, viewer.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
  return rows.map((s) => ({
    key: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === viewer.sessionKey,
  }));
}

/** Ends one of the viewer's own sessions; returns false when it is not theirs or already ended. */
export async function revokeOwnSession(viewer: Viewer, key: string): Promise<boolean> {
  const ended = await getDb()
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, key), eq(sessions.userId, viewer.id), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every session of a user (optionally keeping one), at once. */
export async function revokeAllSessions(userId: string, options: { except?: string; tx?: Tx } = {}): Promise<number> {
  const ended = await (options.tx ?? getDb())
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        options.except ? ne(sessions.id, options.except) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}
