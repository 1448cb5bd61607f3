/**
 * Reports of direct messages. Reporting: a participant, for a message that reaches them
 * (`messageAccess`). Everything else is for moderators and admins only (`assertModerator`), and even
 * they see ONLY the reported excerpt: the reported message and the five before it
 * (`reportedExcerpt`, ./access.ts), while the report is open — never the rest of the conversation, its
 * subject or its other participants. Hiding and restoring act only on messages of such an excerpt.
 * Every step is audited.
 */
import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { directMessages, messageReports, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { cursorTimestamp, isoMicros, isUuid, keysetPage, seekClause, type Page } from '@/lib/dal/pagination';
import { assertModerator } from '@/lib/dal/roles';
import { NotFoundError, UserError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { z } from 'zod';
import { messageAccess, reportedExcerpt } from './access';

/** A participant reports a message that reaches them, with a reason. */
export async function reportMessage(
  viewer: Viewer,
  unsafeMessageId: string,
  reason: string,
  request: RequestInfo,
): Promise<{ conversationId: string }> {
  if (!isUuid(unsafeMessageId)) throw new NotFoundError('message');
  return getDb().transaction(async (tx) => {
    const [message] = await tx
      .select({ id: directMessages.id, conversationId: directMessages.conversationId })
      .from(directMessages)
      .where(and(eq(directMessages.id, unsafeMessageId), isNull(directMessages.deletedAt), messageAccess(viewer)))
      .limit(1);
    if (!message) throw new NotFoundError('message');
    const inserted = await tx
      .insert(messageReports)
      .values({ messageId: message.id, reporterId: viewer.id, reason })
      .onConflictDoNothing()
      .returning({ id: messageReports.id });
    if (!inserted.length) throw new UserError('messages.report.already');
    await audit(
      {
        actorId: viewer.id,
        action: 'message.reported',
        targetType: 'message',
        targetId: message.id,
        ip: request.ip,
        details: { reportId: inserted[0]!.id },
      },
      tx,
    );
    return { conversationId: message.conversationId };
  });
}

export interface ExcerptMessage {
  id: string;
  number: number;
  authorName: string;
  cooked: string | null;
  createdAt: Date;
  deleted: boolean;
  hidden: boolean;
  reported: boolean;
}

export interface MessageReportItem {
  id: string;
  reason: string;
  createdAt: Date;
  createdKey: string;
  reporterName: string;
  messageId: string;
  excerpt: ExcerptMessage[];
}

const reportKey = z.tuple([cursorTimestamp, z.uuid()]);

/** Open message reports, oldest first, each with its excerpt (the message and the five before it). */
export async function listOpenMessageReports(viewer: Viewer, cursor?: string | null): Promise<Page<MessageReportItem>> {
  assertModerator(viewer);
  const page = await keysetPage({
    cursor,
    key: reportKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause(
        [messageReports.createdAt, messageReports.id],
        key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null,
        'asc',
        backward,
      );
      return getDb()
        .select({
          id: messageReports.id,
          reason: messageReports.reason,
          createdAt: messageReports.createdAt,
          createdKey: isoMicros(messageReports.createdAt),
          reporterName: users.name,
          messageId: messageReports.messageId,
          conversationId: directMessages.conversationId,
          number: directMessages.number,
        })
        .from(messageReports)
        .innerJoin(users, eq(users.id, messageReports.reporterId))
        .innerJoin(directMessages, eq(directMessages.id, messageReports.messageId))
        .where(and(eq(messageReports.status, 'open'), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.createdKey, row.id] as [string, string],
  });
  // Every excerpt of the page in one query, then each report takes the five messages before its own.
  const conversationIds = [...new Set(page.items.map((r) => r.conversationId))];
  const rows = conversationIds.length
    ? await getDb()
        .select({
          id: directMessages.id,
          conversationId: directMessages.conversationId,
          number: directMessages.number,
          authorName: users.name,
          cooked: directMessages.cooked,
          createdAt: directMessages.createdAt,
          deletedAt: directMessages.deletedAt,
          hiddenAt: directMessages.hiddenAt,
        })
        .from(directMessages)
        .innerJoin(users, eq(users.id, directMessages.authorId))
        // The rule itself, again: nothing outside an open report's excerpt is read.
        .where(and(inArray(directMessages.conversationId, conversationIds), reportedExcerpt()))
        .orderBy(asc(directMessages.number))
    : [];
  const items: MessageReportItem[] = page.items.map(({ conversationId, number, ...report }) => ({
    ...report,
    excerpt: rows
      .filter((row) => row.conversationId === conversationId && row.number >= number - 5 && row.number <= number)
      .map(({ deletedAt, hiddenAt, cooked, conversationId: _c, ...row }) => ({
        ...row,
        deleted: deletedAt !== null,
        hidden: hiddenAt !== null,
        cooked: deletedAt !== null ? null : cooked,
        reported: row.id === report.messageId,
      })),
  }));
  return { ...page, items };
}

/** Hides a reported message (with a reason) or restores it: only messages of an open report's excerpt. */
export async function setMessageHidden(
  viewer: Viewer,
  unsafeMessageId: string,
  hidden: { reason: string } | null,
  request: RequestInfo,
): Promise<void> {
  assertModerator(viewer);
  if (!isUuid(unsafeMessageId)) throw new NotFoundError('message');
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(directMessages)
      .set(
        hidden ? { hiddenAt: sql`now()`, hiddenReason: hidden.reason, hiddenBy: viewer.id } : { hiddenAt: null, hiddenReason: null, hiddenBy: null },
      )
      .where(
        and(eq(directMessages.id, unsafeMessageId), reportedExcerpt(), hidden ? isNull(directMessages.hiddenAt) : isNotNull(directMessages.hiddenAt)),
      )
      .returning({ id: directMessages.id });
    if (!row) throw new NotFoundError('message');
    await audit(
      {
        actorId: viewer.id,
        action: hidden ? 'message.hidden' : 'message.restored',
        targetType: 'message',
        targetId: row.id,
        ip: request.ip,
        details: hidden ? { reason: hidden.reason } : {},
      },
      tx,
    );
  });
}

export async function resolveMessageReport(viewer: Viewer, unsafeReportId: string, request: RequestInfo): Promise<void> {
  assertModerator(viewer);
  if (!isUuid(unsafeReportId)) throw new NotFoundError('report');
  await getDb().transaction(async (tx) => {
    const rows = await tx
      .update(messageReports)
      .set({ status: 'resolved', resolvedBy: viewer.id, resolvedAt: sql`now()` })
      .where(and(eq(messageReports.id, unsafeReportId), eq(messageReports.status, 'open')))
      .returning({ id: messageReports.id, messageId: messageReports.messageId });
    if (!rows.length) throw new NotFoundError('report');
    await audit(
      {
        actorId: viewer.id,
        action: 'message_report.resolved',
        targetType: 'message_report',
        targetId: rows[0]!.id,
        ip: request.ip,
        details: { messageId: rows[0]!.messageId },
      },
      tx,
    );
  });
}
