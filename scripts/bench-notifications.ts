/**
 * Part of `npm run bench`: the fan-out of one urgent thread to BENCH_MEMBERS members (default 5,000),
 * timed until every email row is in the outbox. Runs the portal's own job handlers (the urgent fan-out,
 * then the notification mailer) on a fresh PGlite database in a temporary folder, or on
 * BENCH_NOTIFY_DATABASE_URL (an empty local Postgres database) when set. Prints the time of each step.
 * Figures depend on the machine; nothing here asserts a time.
 *
 * Run with `tsx --import ./scripts/server-only-stub.mjs` (lib/ modules import `server-only`; the email
 * renderer needs React's ordinary build, not the react-server one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const members = Number(process.env.BENCH_MEMBERS || 5000);
const folder = mkdtempSync(path.join(tmpdir(), 'pp-bench-notify-'));
if (process.env.BENCH_NOTIFY_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_NOTIFY_DATABASE_URL;
else delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = path.join(folder, 'pglite');
process.env.OUTBOX_DIR = path.join(folder, 'outbox');
process.env.DATA_DIR = folder;
process.env.LOG_LEVEL ??= 'warn';
// The outbox is not delivered here (no background delivery after each batch): only its rows are timed.
(process.env as Record<string, string>).NODE_ENV = 'test';

async function main() {
  const { sql } = await import('drizzle-orm');
  const { closeDatabase, database, executeRows, getDb } = await import('../db');
  const { runMigrations } = await import('../db/migrate');
  const { enqueueJob, runDueJobs } = await import('../lib/jobs');
  await import('../lib/jobs/registry');
  const { sendDueNotificationEmails } = await import('../lib/dal/notifications/emails');
  const handle = database();
  try {
    await runMigrations(handle, process.env.DATABASE_URL);
    const db = getDb();
    const [org] = await executeRows<{ id: string }>(
      db,
      sql`insert into organisations (slug, name, sector) values ('bench-org', 'Bench organisation', 'civil_society') returning id`,
    );
    let started = Date.now();
    await db.execute(sql`insert into users (email, name, job_title, password_hash, status, organisation_id, locale, time_zone)
      select 'member-' || g || '@bench.example', 'Member ' || g, 'Analyst', 'x', 'active', ${org!.id}::uuid,
        (array['en','fr','es','pt','ar'])[1 + g % 5], (array['UTC','Europe/Paris','Asia/Tokyo','America/Lima'])[1 + g % 4]
      from generate_series(1, ${members + 1}) g`);
    console.info(`[bench] ${members + 1} members created in ${Date.now() - started} ms`);
    const [author] = await executeRows<{ id: string }>(db, sql`select id from users order by email limit 1`);
    const [space] = await executeRows<{ id: string }>(
      db,
      sql`insert into spaces (slug, name, access) values ('bench-urgent', 'Bench urgent', 'open') returning id`,
    );
    const [thread] = await executeRows<{ id: string; urgent_at: string }>(
      db,
      sql`insert into threads (space_id, author_id, title, is_urgent, urgent_reason, urgent_at, post_count)
        values (${space!.id}::uuid, ${author!.id}::uuid, 'An urgent thread', true, 'Bench', now(), 1)
        returning id, to_char(urgent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as urgent_at`,
    );
    await enqueueJob('discussions.urgent', { threadId: thread!.id, urgentAt: thread!.urgent_at, actorId: author!.id });

    started = Date.now();
    await runDueJobs(1); // the fan-out: one notification per member
    const fannedOut = Date.now() - started;
    let emailed = 0;
    while (emailed < members) {
      await runDueJobs(10); // the mailer job(s) the fan-out woke
      await sendDueNotificationEmails();
      const [{ n }] = (await executeRows<{ n: number }>(db, sql`select count(*)::int as n from email_outbox`)) as [{ n: number }];
      emailed = n;
      if (Date.now() - started > 600_000) throw new Error(`only ${emailed} of ${members} emails after 10 minutes`);
    }
    const total = Date.now() - started;
    console.info(
      `[bench] urgent fan-out to ${members} members (${handle.kind}): notifications written in ${fannedOut} ms; ` +
        `all ${emailed} email rows in the outbox after ${total} ms (${Math.round((emailed / total) * 1000)} emails/s)`,
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
