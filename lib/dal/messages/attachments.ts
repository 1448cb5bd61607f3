/**
 * Files attached to direct messages (decision 027). They arrive through the resource library's streaming
 * receiver (POST /api/uploads?for=message: name, type from content, size, block list, quarantine and
 * malware scan as decision 024) and wait unattached, visible to nobody, until their uploader sends a
 * message with them (or are discarded after a day). ACCESS (./access.ts): `attachmentAccess` serves them
 * to whom the message reaches; the list below starts from messages already read under `messageAccess`.
 * Deleting the message deletes its files (rows, then bytes).
 */
import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { directMessageAttachments, directMessages, files } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { fileState, type FileState } from '@/lib/dal/files/access';
import { isUuid } from '@/lib/dal/pagination';
import { UserError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { storage } from '@/lib/storage';
import { ATTACHMENTS_MAX } from '@/lib/validation/direct-messages';
import { messageAccess } from './access';

export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  contentType: string;
  state: FileState;
}

/**
 * Attaches the viewer's own unattached message uploads to their new message (inside its transaction).
 * A file that is not theirs, not a message upload, already attached or discarded meanwhile refuses the
 * whole message with a field error (nothing is sent).
 */
export async function attachFiles(tx: Tx, viewer: Viewer, messageId: string, unsafeFileIds: string[]): Promise<void> {
  const ids = [...new Set(unsafeFileIds)];
  if (!ids.length) return;
  if (ids.length > ATTACHMENTS_MAX) throw new UserError('messages.attachments.tooMany', 'attachments', { max: ATTACHMENTS_MAX });
  if (!ids.every(isUuid)) throw new UserError('messages.attachments.gone', 'attachments');
  const mine = await tx
    .select({ id: files.id })
    .from(files)
    .where(
      and(
        inArray(files.id, ids),
        eq(files.purpose, 'message'),
        eq(files.uploadedBy, viewer.id),
        sql`not exists (select 1 from ${directMessageAttachments} a where a.file_id = ${files.id})`,
      ),
    )
    .for('update', { of: files });
  if (mine.length !== ids.length) throw new UserError('messages.attachments.gone', 'attachments');
  await tx.insert(directMessageAttachments).values(ids.map((fileId, position) => ({ messageId, fileId, position })));
}

/** Deletes a message's files' rows (inside the deleting transaction); returns their storage keys for `dropBytes`. */
export async function detachAndDeleteFiles(tx: Tx, messageId: string): Promise<string[]> {
  const removed = await tx
    .delete(files)
    .where(sql`${files.id} in (select a.file_id from ${directMessageAttachments} a where a.message_id = ${messageId}::uuid)`)
    .returning({ storageKey: files.storageKey });
  return removed.map((r) => r.storageKey);
}

/** Removes stored bytes after their rows are gone (best effort: a leftover object is unreachable and harmless). */
export async function dropBytes(keys: string[]): Promise<void> {
  for (const key of keys)
    await storage()
      .delete(key)
      .catch((error: unknown) => logger.warn({ err: error, key }, 'could not delete a removed message attachment'));
}

/** The files of the given messages that reach the viewer (one query for a page), by message id. */
export async function attachmentsOf(viewer: Viewer, messageIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  if (!messageIds.length) return out;
  const rows = await getDb()
    .select({
      messageId: directMessageAttachments.messageId,
      id: files.id,
      name: files.originalName,
      size: files.size,
      contentType: files.contentType,
      state: fileState(viewer),
    })
    .from(directMessageAttachments)
    .innerJoin(directMessages, eq(directMessages.id, directMessageAttachments.messageId))
    .innerJoin(files, eq(files.id, directMessageAttachments.fileId))
    .where(
      and(
        inArray(directMessageAttachments.messageId, messageIds),
        sql`${directMessages.deletedAt} is null and ${directMessages.hiddenAt} is null`,
        messageAccess(viewer),
      ),
    )
    .orderBy(asc(directMessageAttachments.messageId), asc(directMessageAttachments.position));
  for (const { messageId, ...file } of rows) {
    const list = out.get(messageId) ?? [];
    list.push(file);
    out.set(messageId, list);
  }
  return out;
}
