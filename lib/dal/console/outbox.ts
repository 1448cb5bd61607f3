/**
 * Access for the email outbox as the Secretariat sees it: admins only (assertConsoleAccess, ./access.ts,
 * before anything; to anyone else it does not exist). What is shown is the minimum needed to act: the
 * recipient masked, the kind of email, attempts and the last error; never a subject or body (they may
 * carry reset links or excerpts).
 */
import 'server-only';
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { outbox } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { deliverSoon, OUTBOX_MAX_ATTEMPTS } from '@/lib/email';
import { NotFoundError } from '@/lib/errors';
import { cursorTimestamp, isoMicros, keysetPage, seekClause, type Page } from '@/lib/dal/pagination';
import { assertConsoleAccess } from './access';

export type OutboxState = 'failed' | 'pending';

export interface OutboxRow {
  id: number;
  /** `j•••@example.org`: enough to tell messages apart, not to read an address off the screen. */
  recipient: string;
  template: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
}

export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

const outboxKey = z.tuple([cursorTimestamp, z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]);

const stateCondition = (state: OutboxState) =>
  and(isNull(outbox.sentAt), state === 'failed' ? gte(outbox.attempts, OUTBOX_MAX_ATTEMPTS) : lt(outbox.attempts, OUTBOX_MAX_ATTEMPTS));

/**
 * Emails not sent: given up ("failed", after the last attempt or a permanent refusal) or still waiting
 * ("pending"), in the order of their next attempt (the outbox's pending index serves it).
 */
export async function listOutbox(viewer: Viewer, filters: { state: OutboxState; cursor?: string }): Promise<Page<OutboxRow>> {
  assertConsoleAccess(viewer);
  const page = await keysetPage({
    cursor: filters.cursor,
    key: outboxKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([outbox.nextAttemptAt, outbox.id], key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::bigint`] : null, 'asc', backward);
      return getDb()
        .select({
          id: outbox.id,
          to: outbox.to,
          template: outbox.template,
          attempts: outbox.attempts,
          lastError: outbox.lastError,
          createdAt: outbox.createdAt,
          nextAttemptAt: outbox.nextAttemptAt,
          cursorAt: isoMicros(outbox.nextAttemptAt),
        })
        .from(outbox)
        .where(and(stateCondition(filters.state), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.cursorAt, Number(row.id)] as [string, number],
  });
  return {
    ...page,
    items: page.items.map(({ to, cursorAt: _cursor, ...row }) => ({ ...row, id: Number(row.id), recipient: maskEmail(to) })),
  };
}

export async function countOutbox(viewer: Viewer): Promise<Record<OutboxState, number>> {
  assertConsoleAccess(viewer);
  const [row] = await getDb()
    .select({
      failed: sql<number>`count(*) filter (where ${outbox.attempts} >= ${OUTBOX_MAX_ATTEMPTS})`.mapWith(Number),
      pending: sql<number>`count(*) filter (where ${outbox.attempts} < ${OUTBOX_MAX_ATTEMPTS})`.mapWith(Number),
    })
    .from(outbox)
    .where(isNull(outbox.sentAt));
  return { failed: row?.failed ?? 0, pending: row?.pending ?? 0 };
}

/** Gives a failed email a fresh set of attempts, starting now. NotFoundError unless it is failed. */
export async function retryEmail(viewer: Viewer, id: number): Promise<void> {
  assertConsoleAccess(viewer);
  const updated = await getDb()
    .update(outbox)
    .set({ attempts: 0, nextAttemptAt: sql`now()`, lockedUntil: null })
    .where(and(eq(outbox.id, id), stateCondition('failed')))
    .returning({ id: outbox.id });
  if (updated.length === 0) throw new NotFoundError('email');
  deliverSoon();
}
