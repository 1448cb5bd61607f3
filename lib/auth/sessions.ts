import 'server-only';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { organisations, sessions, users } from '@/db/schema';
import type { Role, Sector } from '@/db/schema';
import { audit } from '@/lib/audit';
import { config } from '@/lib/config';
import { isStaff } from '@/lib/dal/roles';
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
  /** When this session last proved it was the person (password or second factor): sensitive steps ask again after 10 minutes. */
  verifiedAt: Date;
  /** A newer version of the community guidelines waits for this person's acceptance: until then they are no viewer anywhere but /guidelines/accept (decision 019). */
  guidelinesPending: boolean;
}

const TOUCH_EVERY_MS = 60_000;

/** Whether a version of the guidelines newer than the one the person accepted is in force (the primary key serves the max). */
const guidelinesPendingColumn = sql<boolean>`coalesce(${users.guidelinesVersion}, 0) < coalesce((select max(version) from guidelines_versions), 0)`;

/** A session that has passed the password may wait this long for its second factor (or its enrolment). */
export const PENDING_SESSION_MINUTES = 30;

/** A new session; `secondFactorPending` when the password alone does not sign the person in (lib/auth/second-factor.ts). */
export async function createSession(
  userId: string,
  info: { ip: string; userAgent: string; device?: string },
  options: { secondFactorPending?: boolean } = {},
): Promise<string> {
  const { raw, hash } = newSecret();
  const expiresAt = new Date(Date.now() + config().SESSION_MAX_DAYS * 86_400_000);
  const deviceHash = info.device ? sha256(info.device) : null;
  await getDb()
    .insert(sessions)
    .values({
      id: hash,
      userId,
      expiresAt,
      ip: info.ip,
      userAgent: info.userAgent,
      deviceHash,
      secondFactorPending: options.secondFactorPending ?? false,
    });
  return raw;
}

/** The idle limit of a session: shorter for staff (STAFF_SESSION_IDLE_HOURS) than for members (SESSION_IDLE_HOURS). */
export function idleLimitHours(account: { role: Role; isFocalPoint: boolean }): number {
  const c = config();
  return isStaff(account) ? Math.min(c.STAFF_SESSION_IDLE_HOURS, c.SESSION_IDLE_HOURS) : c.SESSION_IDLE_HOURS;
}

/**
 * The viewer for a raw session id, or null when the session is unknown, revoked, past its idle or
 * absolute limit, waiting for a second factor, or its account is no longer active.
 */
export async function viewerForSession(rawSessionId: string): Promise<Viewer | null> {
  if (!rawSessionId || rawSessionId.length > 100) return null;
  return viewerForSessionKey(sha256(rawSessionId), { touch: true });
}

/**
 * The same check by the session row's key (`viewer.sessionKey`), for a connection that outlives its
 * request (the live event stream asks again on every event and heartbeat). It does not move the
 * session's last-seen time unless told to: an open tab alone must not keep a session from going idle.
 */
export async function viewerForSessionKey(key: string, { touch = false }: { touch?: boolean } = {}): Promise<Viewer | null> {
  // The longer of the two limits in the query; the account's own one below.
  const idleCutoff = new Date(Date.now() - Math.max(config().SESSION_IDLE_HOURS, config().STAFF_SESSION_IDLE_HOURS) * 3_600_000);
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
      verifiedAt: sessions.verifiedAt,
      guidelinesPending: guidelinesPendingColumn,
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
  if (Date.now() - row.lastSeenAt.getTime() > idleLimitHours(row) * 3_600_000) return null;
  if (touch && Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
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
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), options.except ? ne(sessions.id, options.except) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

/**
 * Ends the session a signing-out cookie names (Auth.js's sign-out endpoint, and after our own sign-out
 * action, where it finds the row already ended). Audited only when it ended something.
 */
export async function endSessionOnSignOut(rawSessionId: string, ip: string): Promise<boolean> {
  if (!rawSessionId || rawSessionId.length > 100) return false;
  const [ended] = await getDb()
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sha256(rawSessionId)), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id, userId: sessions.userId });
  if (!ended) return false;
  await audit({ action: 'auth.sign_out', actorId: ended.userId, targetType: 'session', targetId: ended.id.slice(0, 16), ip });
  return true;
}

/** A session that has passed the password and waits for the second factor (or, for an account that must have one, its enrolment). */
export interface PendingSession {
  sessionKey: string;
  userId: string;
  email: string;
  role: Role;
  isFocalPoint: boolean;
  locale: string;
}

/** The pending session for a raw session id, or null (unknown, revoked, expired, older than PENDING_SESSION_MINUTES, account not active). */
export async function pendingSessionFor(rawSessionId: string): Promise<PendingSession | null> {
  if (!rawSessionId || rawSessionId.length > 100) return null;
  const key = sha256(rawSessionId);
  const [row] = await getDb()
    .select({ userId: users.id, email: users.email, role: users.role, isFocalPoint: users.isFocalPoint, locale: users.locale })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, key),
        isNull(sessions.revokedAt),
        eq(sessions.secondFactorPending, true),
        gt(sessions.expiresAt, new Date()),
        gt(sessions.createdAt, new Date(Date.now() - PENDING_SESSION_MINUTES * 60_000)),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  return row ? { ...row, sessionKey: key } : null;
}

/** The second step passed: the session becomes a signed-in one, verified now. */
export async function completePendingSession(sessionKey: string, tx?: Tx): Promise<boolean> {
  const done = await (tx ?? getDb())
    .update(sessions)
    .set({ secondFactorPending: false, verifiedAt: sql`now()`, lastSeenAt: sql`now()` })
    .where(and(eq(sessions.id, sessionKey), eq(sessions.secondFactorPending, true), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return done.length > 0;
}

/** The person proved it was them again (password or a factor): sensitive steps are open for 10 minutes. */
export async function markSessionVerified(sessionKey: string): Promise<void> {
  await getDb()
    .update(sessions)
    .set({ verifiedAt: sql`now()` })
    .where(eq(sessions.id, sessionKey));
}
