import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, getDb, type Tx } from '@/db';
import { outbox } from '@/db/schema';
import { config } from '@/lib/config';
import { logger, withoutEmails } from '@/lib/logger';
import { metrics } from '@/lib/metrics';
import { startWorkerLoop } from '@/lib/worker-loop';
import { openEmail, seal, SealedEmailError } from './sealed';
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
 * exists exactly when the change that caused it does). Delivery happens in processOutbox. The body is
 * sealed at rest (./sealed.ts) and cleared once sent: only who, what kind, when and the status remain.
 */
export async function queueEmail(
  message: { to: string; template: EmailTemplate; locale: string; link: string; values?: Record<string, string> },
  tx?: Tx,
): Promise<void> {
  const { subject, text, html } = renderEmail(message.template, message.locale, message.link, message.values);
  await (tx ?? getDb()).insert(outbox).values({ to: message.to, template: message.template, subject, text: seal(text), html: seal(html) });
}

/**
 * Queues emails already rendered (notification emails and digests, with their own header fields), in the
 * caller's transaction: many rows in one statement, so a fan-out to thousands stays quick. Sealed like queueEmail's.
 */
export async function queueRenderedEmails(
  messages: { to: string; template: string; subject: string; text: string; html: string; headers?: Record<string, string> }[],
  tx: Tx,
): Promise<void> {
  if (messages.length)
    await tx.insert(outbox).values(messages.map((m) => ({ ...m, text: seal(m.text), html: seal(m.html), headers: m.headers ?? null })));
}

/** After this many attempts an email is given up: it stays in the table as "failed" (listed at /admin/outbox). */
export const OUTBOX_MAX_ATTEMPTS = 12;
const backoffSeconds = (attempts: number) => Math.min(3600, 15 * 2 ** Math.max(0, attempts - 1));

/** An SMTP server's 5xx answer (a recipient refused for good): trying again cannot help. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Delivers due emails. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so several instances
 * can run this together without sending a message twice; failures are retried with back-off, up to
 * OUTBOX_MAX_ATTEMPTS; a permanent refusal (SMTP 5xx) is given up at once. Given-up emails stay, "failed".
 * A person's own account emails (verification, reset, security notices) go before notification and
 * digest emails (the ones with list headers), so a fan-out to thousands never holds up a sign-in.
 */
export async function processOutbox(transport: Transport = defaultTransport(), limit = 20): Promise<{ sent: number; failed: number }> {
  const db = getDb();
  const rows = await executeRows<OutgoingEmail & { attempts: number }>(
    db,
    sql`
    update ${outbox} set locked_until = now() + interval '2 minutes', attempts = attempts + 1
    where id in (
      select id from ${outbox}
      where sent_at is null and next_attempt_at <= now() and attempts < ${OUTBOX_MAX_ATTEMPTS}
        and (locked_until is null or locked_until < now())
      order by headers is not null, next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id, "to", subject, text, html, headers, attempts`,
  );
  let sent = 0;
  let failed = 0;
  // UPDATE … RETURNING keeps no order: account emails first again, then oldest first.
  rows.sort((a, b) => Number(a.headers != null) - Number(b.headers != null) || Number(a.id) - Number(b.id));
  for (const row of rows) {
    try {
      const { text, html } = openEmail(row);
      await transport.send({ id: Number(row.id), to: row.to, subject: row.subject, text, html, headers: row.headers ?? undefined });
      // Sent: the body (and any link in it) is no longer kept.
      await db.execute(sql`update ${outbox} set sent_at = now(), locked_until = null, last_error = null, text = '', html = '' where id = ${row.id}`);
      sent++;
    } catch (error) {
      failed++;
      metrics().emailFailures.inc();
      const message = error instanceof Error ? error.message : String(error);
      const permanent = isPermanentFailure(error) || error instanceof SealedEmailError;
      const attempts = permanent ? OUTBOX_MAX_ATTEMPTS : row.attempts;
      logger.warn(
        { emailId: row.id, attempts: row.attempts, error: withoutEmails(message) },
        attempts >= OUTBOX_MAX_ATTEMPTS ? 'email delivery failed; given up' : 'email delivery failed; will retry',
      );
      await db.execute(sql`
        update ${outbox} set locked_until = null, last_error = ${message.slice(0, 500)}, attempts = ${attempts},
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
    drainOutbox().catch((error) => logger.error({ err: error }, 'outbox run failed'));
  }, 0);
}

/**
 * Runs batches back to back while they come back full (an urgent alert to thousands is sent in one go,
 * not 20 emails every few seconds), up to `maxBatches` so one run never holds the worker for ever.
 */
export async function drainOutbox(
  transport: Transport = defaultTransport(),
  { batch = 50, maxBatches = 100 } = {},
): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  for (let i = 0; i < maxBatches; i++) {
    const { sent, failed } = await processOutbox(transport, batch);
    total.sent += sent;
    total.failed += failed;
    if (sent + failed < batch) break;
  }
  return total;
}

/** Started once per server process (instrumentation.ts): sends what is due every few seconds. */
export function startOutboxWorker(everyMs = 5000): void {
  startWorkerLoop('outbox', everyMs, () => drainOutbox());
}
