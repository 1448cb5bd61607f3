/**
 * Part of `npm run bench`: the inbox of one member with BENCH_CONVERSATIONS conversations (default
 * 10,000; three messages each, a third of them unread), on a fresh PGlite database in a temporary folder
 * or on BENCH_MESSAGES_DATABASE_URL (an empty local Postgres database) when set. Times the reads a member
 * makes (decision 023): the inbox's first page and a page deep into it (keyset), the header's unread
 * count, a search within their messages, and one conversation. Prints the figures; asserts no time.
 *
 * Run with `tsx --import ./scripts/server-only-stub.mjs` (lib/ modules import `server-only`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const conversations = Number(process.env.BENCH_CONVERSATIONS || 10_000);
const folder = mkdtempSync(path.join(tmpdir(), 'pp-bench-messages-'));
if (process.env.BENCH_MESSAGES_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_MESSAGES_DATABASE_URL;
else delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = path.join(folder, 'pglite');
process.env.OUTBOX_DIR = path.join(folder, 'outbox');
process.env.DATA_DIR = folder;
process.env.LOG_LEVEL ??= 'warn';
(process.env as Record<string, string>).NODE_ENV = 'test';

/** Runs `read` a few times and gives the median in milliseconds. */
async function timed<T>(read: () => Promise<T>, runs = 5): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = await read();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(runs / 2)]! * 10) / 10, value };
}

async function main() {
  const { sql } = await import('drizzle-orm');
  const { closeDatabase, database, executeRows, getDb } = await import('../db');
  const { runMigrations } = await import('../db/migrate');
  const { listInbox, listMessages, unreadConversationCount } = await import('../lib/dal/messages/conversations');
  const { searchMessages } = await import('../lib/dal/messages/search');
  const handle = database();
  try {
    await runMigrations(handle, process.env.DATABASE_URL);
    const db = getDb();
    const [org] = await executeRows<{ id: string }>(
      db,
      sql`insert into organisations (slug, name, sector) values ('bench-org', 'Bench organisation', 'civil_society') returning id`,
    );
    let started = Date.now();
    await db.execute(sql`insert into users (email, name, job_title, password_hash, status, organisation_id)
      select 'member-' || g || '@bench.example', 'Member ' || g, 'Analyst', 'x', 'active', ${org!.id}::uuid
      from generate_series(0, ${conversations}) g`);
    const [me] = await executeRows<{ id: string }>(db, sql`select id from users where email = 'member-0@bench.example'`);
    await db.execute(sql`insert into conversations (created_by, message_count, last_message_at, created_at)
      select ${me!.id}::uuid, 3, now() - make_interval(mins => g), now() - make_interval(mins => g + 10) from generate_series(1, ${conversations}) g`);
    await db.execute(sql`create temporary table bench_pairs as
      select c.id as conversation_id, u.id as other_id, row_number() over (order by c.created_at) as g, c.last_message_at
      from (select id, created_at, last_message_at, row_number() over (order by created_at) as n from conversations) c
      join (select id, row_number() over (order by email) as n from users where id <> ${me!.id}::uuid) u on u.n = c.n`);
    await db.execute(sql`insert into conversation_participants (conversation_id, user_id, joined_at, last_read_number, last_activity_at)
      select conversation_id, ${me!.id}::uuid, now() - interval '30 days', case when g % 3 = 0 then 1 else 3 end, last_message_at from bench_pairs
      union all
      select conversation_id, other_id, now() - interval '30 days', 3, last_message_at from bench_pairs`);
    await db.execute(sql`insert into direct_messages (conversation_id, number, author_id, body, cooked, plain_text, created_at)
      select p.conversation_id, n, case when n = 2 then ${me!.id}::uuid else p.other_id end,
        'Message ' || n || ' about referral pathway ' || p.g, '<p>Message ' || n || ' about referral pathway ' || p.g || '</p>',
        'Message ' || n || ' about referral pathway ' || p.g, p.last_message_at - make_interval(mins => 3 - n)
      from bench_pairs p cross join generate_series(1, 3) n`);
    await db.execute(sql`analyze`);
    console.info(`[bench] ${conversations} conversations, ${conversations * 3} messages written in ${Date.now() - started} ms (${handle.kind})`);

    const viewer = {
      id: me!.id,
      email: 'member-0@bench.example',
      name: 'Member 0',
      role: 'member' as const,
      isFocalPoint: false,
      organisationId: org!.id,
      organisationName: 'Bench organisation',
      sector: 'civil_society' as const,
      isSecretariat: false,
      locale: 'en',
      timeZone: 'UTC',
      sessionKey: 'bench',
      verifiedAt: new Date(),
      guidelinesPending: false,
    };
    const first = await timed(() => listInbox(viewer));
    let cursor = first.value.next;
    started = Date.now();
    for (let i = 0; i < 19 && cursor; i++) cursor = (await listInbox(viewer, cursor)).next;
    const deep = await timed(() => listInbox(viewer, cursor));
    const unread = await timed(() => unreadConversationCount(viewer));
    const search = await timed(() => searchMessages(viewer, 'pathway 4242'));
    const conversation = await timed(() => listMessages(viewer, first.value.items[0]!.id));
    console.info(
      `[bench] inbox of ${conversations} conversations (median of 5): first page ${first.ms} ms (${first.value.items.length} rows); ` +
        `page 21 ${deep.ms} ms; unread badge ${unread.ms} ms (${unread.value}, capped); search ${search.ms} ms (${search.value.items.length} hits); ` +
        `one conversation ${conversation.ms} ms`,
    );
  } finally {
    await closeDatabase();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
