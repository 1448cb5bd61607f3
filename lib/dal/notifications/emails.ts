/**
 * The notification mailer, run as the `notifications.email` job. ACCESS: a notification's email goes to
 * its own member only, and only while they still see its thread (`threadAudience`, the discussions' rule with the TLP marking)
 * and still want that kind by email (their channel, checked again at send time).
 *
 * Not noisy: a notification's email waits until `email_due_at` (the delay; urgent alerts at once). When
 * it is due, every unsent notification of the same member and thread goes in one email; one the member
 * has read meanwhile is skipped; a thread emailed less than one delay ago waits until the delay has
 * passed (urgent alerts excepted), so a thread brings at most one email per delay window.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, getDb, type Tx } from '@/db';
import type { NotificationKind, ResourceVisibility, Sector, SpaceAccessKind, TlpMarking } from '@/db/schema';
import { config } from '@/lib/config';
import { threadAudience } from '@/lib/dal/discussions/access';
import { resourceAudience } from '@/lib/dal/resources/access';
import { appLink, deliverSoon, queueRenderedEmails } from '@/lib/email';
import { renderNotificationEmail } from '@/lib/email/notification-email';
import { chathamLabelText } from '@/lib/i18n/chatham-label';
import { regionOf } from '@/lib/i18n/regions';
import { channelOfRowSql, preferenceKindOf } from './delivery';
import { unsubscribeToken } from './unsubscribe';
import { enqueueJob } from '@/lib/jobs';

interface Row {
  id: string;
  user_id: string;
  kind: NotificationKind;
  actor_id: string | null;
  thread_id: string | null;
  conversation_id: string | null;
  /** A notification about a resource (`resource_marking_lowered`): its title, marking and visibility. */
  resource_id: string | null;
  resource_title: string | null;
  resource_marking: TlpMarking | null;
  resource_visibility: ResourceVisibility | null;
  actor_name: string | null;
  created_at: string | Date;
  read: boolean;
  urgent_thread: boolean;
  email: string;
  locale: string;
  time_zone: string;
  excerpts: boolean;
  paused: boolean;
  wants_email: boolean;
  can_see: boolean;
  access: SpaceAccessKind | null;
  marking: TlpMarking | null;
  space_name: string | null;
  title: string | null;
  actor_org: string | null;
  /** Under the Chatham House Rule (decision 031) the actor's name and organisation are not read: their sector and region stand in. */
  chatham: boolean;
  actor_sector: Sector | null;
  actor_country: string | null;
  plain_text: string | null;
  last_emailed: string | Date | null;
}

/** Which kind an email about several notifications is about, most important first. */
const PRIORITY: NotificationKind[] = [
  'urgent',
  'warning',
  'member_suspended',
  'mention',
  'post_hidden',
  'marking_lowered',
  'resource_marking_lowered',
  'reply',
  'new_thread',
  'join_accepted',
  'join_declined',
  'message',
];

/** A direct message's email goes only while its member is still in the conversation and has not muted it (lib/dal/messages/access.ts). */
const stillParticipant = sql`exists (select 1 from conversation_participants cp where cp.conversation_id = n.conversation_id
  and cp.user_id = n.user_id and cp.left_at is null and not cp.muted)`;

const chatham = sql`coalesce(t.chatham_house or spaces.chatham_house, false)`;

function selectRows(where: ReturnType<typeof sql>, limit: number, tx: Tx) {
  return executeRows<Row>(
    tx,
    sql`
    select n.id, n.user_id, n.kind, n.actor_id, n.thread_id, n.conversation_id,
      n.resource_id, r.title as resource_title, r.marking as resource_marking, r.visibility as resource_visibility, case when ${chatham} then null else a.name end as actor_name, n.created_at, (n.read_at is not null) as read,
      users.email, users.locale, users.time_zone,
      coalesce(np.excerpts, false) as excerpts, coalesce(np.paused_until > now(), false) as paused,
      (${channelOfRowSql(sql`n.kind`, sql`n.user_id`)} in ('both', 'email')) as wants_email,
      (case when n.conversation_id is not null then users.status = 'active' and ${stillParticipant}
        when n.kind = 'member_suspended' then users.status = 'active' and users.role = 'admin'
        when n.resource_id is not null then ${resourceAudience(sql`n.resource_id`)}
        when n.thread_id is null then users.status = 'active' else ${threadAudience(sql`n.thread_id`)} end) as can_see,
      spaces.access, t.marking, spaces.name as space_name, t.title, case when ${chatham} then null else ao.name end as actor_org, p.plain_text,
      ${chatham} as chatham, ao.sector as actor_sector, ao.country as actor_country,
      coalesce(t.is_urgent, false) as urgent_thread,
      (select max(m.emailed_at) from notifications m where m.user_id = n.user_id
        and (m.thread_id = n.thread_id or m.conversation_id = n.conversation_id)) as last_emailed
    from notifications n
    join users on users.id = n.user_id
    join organisations on organisations.id = users.organisation_id
    left join threads t on t.id = n.thread_id
    left join spaces on spaces.id = coalesce(t.space_id, n.space_id)
    left join users a on a.id = n.actor_id
    left join organisations ao on ao.id = a.organisation_id
    left join resources r on r.id = n.resource_id
    left join posts p on p.id = n.post_id and p.hidden_at is null and p.deleted_at is null
    left join notification_preferences np on np.user_id = n.user_id
    where ${where}
    order by n.email_due_at, n.created_at
    limit ${limit}
    for update of n skip locked`,
  );
}

const time = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const ids = (rows: Row[]) =>
  sql.join(
    rows.map((r) => sql`${r.id}::uuid`),
    sql`, `,
  );

/** Sends what is due, in batches, until nothing is left; returns how many emails were queued. */
export async function sendDueNotificationEmails(batch = 500): Promise<number> {
  let queued = 0;
  for (;;) {
    const result = await getDb().transaction((tx) => sendBatch(tx, batch));
    queued += result.queued;
    if (!result.claimed) break;
  }
  if (queued) deliverSoon();
  return queued;
}

async function sendBatch(tx: Tx, batch: number): Promise<{ claimed: number; queued: number }> {
  const due = await selectRows(sql`n.emailed_at is null and n.email_due_at <= now()`, batch, tx);
  if (!due.length) return { claimed: 0, queued: 0 };
  // The same member's other unsent notifications on these threads go in the same email.
  const pairs = [...new Map(due.filter((r) => r.thread_id).map((r) => [`${r.user_id}:${r.thread_id}`, r])).values()];
  const siblings = pairs.length
    ? await selectRows(
        sql`n.emailed_at is null and n.email_due_at > now() and (n.user_id, n.thread_id) in (${sql.join(
          pairs.map((r) => sql`(${r.user_id}::uuid, ${r.thread_id}::uuid)`),
          sql`, `,
        )})`,
        batch * 4,
        tx,
      )
    : [];
  const groups = new Map<string, Row[]>();
  for (const row of [...due, ...siblings]) {
    const key = row.thread_id ? `${row.user_id}:${row.thread_id}` : row.conversation_id ? `${row.user_id}:c:${row.conversation_id}` : `${row.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }

  const delay = config().NOTIFICATION_EMAIL_DELAY_SECONDS;
  const skipped: Row[] = [];
  const sent: Row[] = [];
  const deferred: { rows: Row[]; until: Date }[] = [];
  const emails: Parameters<typeof queueRenderedEmails>[0] = [];
  const host = new URL(config().APP_URL).hostname;

  for (const rows of groups.values()) {
    const first = rows[0]!;
    const wanted = rows.filter((r) => !r.read && r.wants_email);
    if (!wanted.length || first.paused || !first.can_see) {
      skipped.push(...rows);
      continue;
    }
    const urgent = wanted.some((r) => r.kind === 'urgent');
    const last = first.last_emailed ? time(first.last_emailed) : null;
    if (!urgent && last && Date.now() - last.getTime() < delay * 1000) {
      deferred.push({ rows, until: new Date(last.getTime() + delay * 1000) });
      continue;
    }
    const kind = PRIORITY.find((k) => wanted.some((r) => r.kind === k))!;
    const ofKind = wanted.filter((r) => r.kind === kind);
    const latest = ofKind.reduce((a, b) => (time(b.created_at) > time(a.created_at) ? b : a));
    // TLP (decision 030): an AMBER thread's email carries its title and marking, never an excerpt; a RED
    // thread's only that something happened, and a link. A resource's the same: its title and marking when
    // it is shared with all members (as digests name resources), otherwise and for RED a link only; never
    // its description.
    const about = first.resource_id
      ? {
          title: first.resource_title,
          open: first.resource_visibility === 'all_members' && first.resource_marking !== 'red',
          marking: first.resource_marking,
          space: '',
        }
      : { title: first.title, open: first.access === 'open' && first.marking !== 'red', marking: first.marking, space: first.space_name ?? '' };
    const open = about.open && about.title !== null;
    const excerptAllowed = !first.resource_id && (first.marking === 'clear' || first.marking === 'green');
    const rendered = renderNotificationEmail({
      locale: first.locale,
      timeZone: first.time_zone,
      kind,
      count: ofKind.length,
      at: time(latest.created_at),
      open: open
        ? {
            title: about.title!,
            space: about.space,
            organisation: latest.actor_org ?? '',
            chatham:
              latest.chatham && latest.actor_sector
                ? chathamLabelText(first.locale, { sector: latest.actor_sector, region: regionOf(latest.actor_country) })
                : undefined,
            excerpt: first.excerpts && excerptAllowed ? latest.plain_text : null,
            marking: about.marking ?? 'green',
          }
        : null,
      who: latest.actor_name || undefined,
      link: first.thread_id
        ? appLink(`/threads/${first.thread_id}`)
        : first.resource_id
          ? appLink(`/resources/${first.resource_id}`)
          : first.conversation_id
            ? appLink(`/messages/${first.conversation_id}`)
            : kind === 'warning'
              ? appLink('/settings/warnings')
              : kind === 'member_suspended' && first.actor_id
                ? appLink(`/admin/users/${first.actor_id}`)
                : appLink('/notifications'),
      preferencesLink: appLink('/settings/notifications'),
      unsubscribeLink: appLink('/unsubscribe', { token: unsubscribeToken(first.user_id, preferenceKindOf(kind)) }),
    });
    emails.push({
      to: first.email,
      template: `notification.${kind}`,
      ...rendered,
      headers: {
        'Message-ID': `<notification.${latest.id}@${host}>`,
        ...(first.thread_id ? { 'In-Reply-To': `<thread.${first.thread_id}@${host}>`, References: `<thread.${first.thread_id}@${host}>` } : {}),
        'List-Unsubscribe': `<${appLink('/api/unsubscribe', { token: unsubscribeToken(first.user_id, preferenceKindOf(kind)) })}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    sent.push(...rows);
  }

  await queueRenderedEmails(emails, tx);
  if (sent.length) await tx.execute(sql`update notifications set emailed_at = now() where id in (${ids(sent)})`);
  if (skipped.length) await tx.execute(sql`update notifications set email_due_at = null where id in (${ids(skipped)})`);
  for (const { rows, until } of deferred) {
    await tx.execute(sql`update notifications set email_due_at = ${until.toISOString()}::timestamptz where id in (${ids(rows)})`);
  }
  if (deferred.length) {
    const soonest = Math.min(...deferred.map((d) => d.until.getTime()));
    await enqueueJob('notifications.email', {}, { tx, delaySeconds: Math.max(1, Math.ceil((soonest - Date.now()) / 1000)) });
  }
  return { claimed: due.length, queued: emails.length };
}
