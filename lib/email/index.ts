import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, getDb, type Tx } from '@/db';
import { outbox } from '@/db/schema';
import { config } from '@/lib/config';
import { logger } from '@/lib/logger';
import { startWorkerLoop } from '@/lib/worker-loop';
import { renderEmail, type EmailTemplate } from './templates';
import { defaultTransport, type OutgoingEmail, type Transport } from './transport';

export type { EmailTemplate };

/** Builds a link from the configured APP_URL, never from the request's Host header. */
export function appLink(pathname: string, params: Record<string, string> = {}): string {
  const url = new URL(pathname, config().APP_URL);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/**
 * Queues an email in the outbox table (inside the caller's transaction when given one, so the email
 * exists exactly when the change that caused it does). Delivery happens in processOutbox.
 */
export async function queueEmail(
  message: { to: string; template: EmailTemplate; locale: string; link: string },
  tx?: Tx,
): Promise<void> {
  const rendered = renderEmail(message.template, message.locale, message.link);
  await (tx ?? getDb()).insert(outbox).values({ to: message.to, template: message.template, ...rendered });
}

const MAX_ATTEMPTS = 12;
const backoffSeconds = (attempts: number) => Math.min(3600, 15 * 2 ** Math.max(0, attempts - 1));

/**
 * Delivers due emails. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so several instances
 * can run this together without sending a message twice; failures are retried with back-off.
 */
export async function processOutbox(transport: Transport = defaultTransport(), limit = 20): Promise<{ sent: number; failed: number }> {
  const db = getDb();
  const rows = await executeRows<OutgoingEmail & { attempts: number }>(db, sql`
    update ${outbox} set locked_until = now() + interval '2 minutes', attempts = attempts + 1
    where id in (
      select id from ${outbox}
      where sent_at is null and next_attempt_at <= now() and attempts < ${MAX_ATTEMPTS}
        and (locked_until is null or locked_until < now())
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id, "to", subject, text, html, attempts`);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await transport.send({ id: Number(row.id), to: row.to, subject: row.subject, text: row.text, html: row.html });
      await db.execute(sql`update ${outbox} set sent_at = now(), locked_until = null, last_error = null where id = ${row.id}`);
      sent++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ emailId: row.id, attempts: row.attempts, error: message }, 'email delivery failed; will retry');
      await db.execute(sql`
        update ${outbox} set locked_until = null, last_error = ${message.slice(0, 500)},
          next_attempt_at = now() + make_interval(secs => ${backoffSeconds(row.attempts)})
        where id = ${row.id}`);
    }
  }
  return { sent, failed };
}

/**
 * Tries to deliver right away, without making the caller wait or fail. Not under Vitest: tests deliver
 * explicitly with their own transport, and a background run would write test emails into the
 * developer's outbox folder (listed at /dev/outbox) and outlive the test file's database.
 */
export function deliverSoon(): void {
  if (config().NODE_ENV === 'test') return;
  setTimeout(() => {
    processOutbox().catch((error) => logger.error({ err: error }, 'outbox run failed'));
  }, 0);
}

/** Started once per server process (instrumentation.ts): sends what is due every few seconds. */
export function startOutboxWorker(everyMs = 5000): void {
  startWorkerLoop('outbox', everyMs, () => processOutbox());
}
