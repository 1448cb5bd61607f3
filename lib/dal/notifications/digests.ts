/**
 * Daily and weekly digests, sent by the `notifications.digests` job (it runs every quarter hour and
 * schedules its next run). ACCESS: each digest is built AS ITS MEMBER (a viewer made from their row):
 * threads under `threadAccess`, resources under `resourceAccess`, the same rules as their pages. Titles
 * come only from open spaces and from resources every member sees; the rest is counted, never named
 * (ARCHITECTURE.md invariant 11). People who joined the member's sector are counted.
 *
 * Exactly once: a digest_runs row (member, period, the period's key in their time zone) is inserted in
 * the transaction that queues the email, so several workers racing for one digest send it once. A
 * digest is due from the member's chosen hour on (a late run catches up); an empty one sends nothing.
 */
import 'server-only';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { executeRows, getDb, type Tx } from '@/db';
import { digestRuns, resources, spaces, threads, type Role, type Sector } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { threadAccess } from '@/lib/dal/discussions/access';
import { resourceAccess } from '@/lib/dal/resources/access';
import { appLink, deliverSoon, queueRenderedEmails } from '@/lib/email';
import { renderDigestEmail, type DigestContent } from '@/lib/email/digest-email';
import { unsubscribeToken } from './unsubscribe';
import { localParts } from './zoned';

export type DigestPeriod = 'daily' | 'weekly';

interface Candidate {
  id: string;
  email: string;
  name: string;
  role: Role;
  is_focal_point: boolean;
  organisation_id: string;
  organisation_name: string;
  sector: Sector;
  locale: string;
  time_zone: string;
  digest_hour: number;
  daily: boolean;
  weekly: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO week (YYYY-Www) of a calendar day. */
function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

/** The period's key when a member's digest of that period is due at `now`, or null when it is not (yet). */
export function duePeriodKey(period: DigestPeriod, now: Date, timeZone: string, hour: number): string | null {
  const local = localParts(now, timeZone);
  if (period === 'daily') return local.hour >= hour ? `${local.year}-${pad(local.month)}-${pad(local.day)}` : null;
  // Weekly digests go on Mondays at the hour (or later that week, if a run was missed).
  if (local.weekday === 1 && local.hour < hour) return null;
  return isoWeek(local.year, local.month, local.day);
}

function viewerOf(c: Candidate): Viewer {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    role: c.role,
    isFocalPoint: c.is_focal_point,
    organisationId: c.organisation_id,
    organisationName: c.organisation_name,
    sector: c.sector,
    isSecretariat: false,
    verifiedAt: new Date(0),
    locale: c.locale,
    timeZone: c.time_zone,
    sessionKey: '',
    guidelinesPending: false,
  };
}

const LIST = 10;

/** What a member's digest holds since `since`: active threads of the spaces they follow with this period, new resources, people of their sector. */
async function digestContent(db: Tx, viewer: Viewer, period: DigestPeriod, since: Date): Promise<DigestContent> {
  const followed = sql`exists (select 1 from space_follows f where f.space_id = "spaces"."id" and f.user_id = ${viewer.id}::uuid and f.mode = ${period})`;
  const active = and(threadAccess(viewer), followed, gte(threads.lastPostAt, since), sql`"spaces"."archived_at" is null`);
  const [threadRows, [restricted], resourceRows, [others], [joined]] = await Promise.all([
    db
      .select({
        id: threads.id,
        title: threads.title,
        marking: threads.marking,
        space: spaces.name,
        isNew: sql<boolean>`(${threads.createdAt} >= ${since.toISOString()}::timestamptz)`,
        replies:
          sql<number>`(select count(*) from posts p where p.thread_id = "threads"."id" and p.number > 1 and p.created_at >= ${since.toISOString()}::timestamptz and p.deleted_at is null and p.hidden_at is null)`.mapWith(
            Number,
          ),
      })
      .from(threads)
      .innerJoin(spaces, eq(spaces.id, threads.spaceId))
      // RED threads (decision 030) are only counted: a digest names them nowhere.
      .where(and(active, eq(spaces.access, 'open'), sql`${threads.marking} <> 'red'`))
      .orderBy(desc(threads.lastPostAt))
      .limit(LIST),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(threads)
      .innerJoin(spaces, eq(spaces.id, threads.spaceId))
      .where(and(active, sql`("spaces"."access" <> 'open' or ${threads.marking} = 'red')`)),
    db
      .select({ id: resources.id, title: resources.title, marking: resources.marking })
      .from(resources)
      .where(
        and(resourceAccess(viewer), eq(resources.visibility, 'all_members'), sql`${resources.marking} <> 'red'`, gte(resources.createdAt, since)),
      )
      .orderBy(desc(resources.createdAt))
      .limit(LIST),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(resources)
      .where(
        and(resourceAccess(viewer), sql`(${resources.visibility} <> 'all_members' or ${resources.marking} = 'red')`, gte(resources.createdAt, since)),
      ),
    executeRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from users u join organisations o on o.id = u.organisation_id
          where u.status = 'active' and u.id <> ${viewer.id}::uuid and o.sector = ${viewer.sector}::sector and not o.is_secretariat
            and u.created_at >= ${since.toISOString()}::timestamptz`,
    ),
  ]);
  return {
    threads: threadRows,
    restrictedThreads: restricted?.n ?? 0,
    resources: resourceRows,
    otherResources: others?.n ?? 0,
    joinedSector: Number(joined?.n ?? 0),
  };
}

const isEmpty = (c: DigestContent) => !c.threads.length && !c.restrictedThreads && !c.resources.length && !c.otherResources && !c.joinedSector;

/** Sends every digest due at `now` that was not sent yet; returns how many emails were queued. */
export async function sendDueDigests(now: Date = new Date()): Promise<number> {
  const candidates = await executeRows<Candidate>(
    getDb(),
    sql`select u.id, u.email, u.name, u.role, u.is_focal_point, u.organisation_id, o.name as organisation_name, o.sector, u.locale, u.time_zone,
          coalesce(np.digest_hour, 8) as digest_hour,
          bool_or(f.mode = 'daily') as daily, bool_or(f.mode = 'weekly') as weekly
        from users u
        join organisations o on o.id = u.organisation_id
        join space_follows f on f.user_id = u.id and f.mode in ('daily', 'weekly')
        left join notification_preferences np on np.user_id = u.id
        where u.status = 'active' and coalesce(np.digests, true) and (np.paused_until is null or np.paused_until <= ${now.toISOString()}::timestamptz)
        group by u.id, o.id, np.digest_hour`,
  );
  let queued = 0;
  for (const c of candidates) {
    for (const period of ['daily', 'weekly'] as const) {
      if (!c[period]) continue;
      const key = duePeriodKey(period, now, c.time_zone, c.digest_hour);
      if (!key) continue;
      const since = new Date(now.getTime() - (period === 'daily' ? 1 : 7) * 86_400_000);
      const viewer = viewerOf(c);
      const sent = await getDb().transaction(async (tx) => {
        const claimed = await tx
          .insert(digestRuns)
          .values({ userId: c.id, period, periodKey: key })
          .onConflictDoNothing()
          .returning({ userId: digestRuns.userId });
        if (!claimed.length) return false;
        const content = await digestContent(tx, viewer, period, since);
        if (isEmpty(content)) return false;
        const token = unsubscribeToken(c.id, 'digest');
        const rendered = renderDigestEmail({
          locale: c.locale,
          period,
          content,
          link: appLink('/spaces'),
          threadLink: (id) => appLink(`/threads/${id}`),
          resourceLink: (id) => appLink(`/resources/${id}`),
          preferencesLink: appLink('/settings/notifications'),
          unsubscribeLink: appLink('/unsubscribe', { token }),
        });
        await queueRenderedEmails(
          [
            {
              to: c.email,
              template: `digest.${period}`,
              ...rendered,
              headers: {
                'Message-ID': `<digest.${period}.${key}.${c.id}@${new URL(appLink('/')).hostname}>`,
                'List-Unsubscribe': `<${appLink('/api/unsubscribe', { token })}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              },
            },
          ],
          tx,
        );
        return true;
      });
      if (sent) queued++;
    }
  }
  if (queued) deliverSoon();
  return queued;
}

/** How often the digest job runs: a member's digest goes within this many minutes of their hour. */
export const DIGEST_EVERY_SECONDS = 15 * 60;
