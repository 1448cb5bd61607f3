import { z } from 'zod';
import { checkbox, uuid } from './fields';
import { cursor, searchText, uuid as uuidParam } from './query';
import { optionalSingleLine, singleLine } from './text';

/** Schemas of direct messages (safe in the browser): forms, actions and what pages read from URLs. */

export const MESSAGE_MAX = 20_000;
/** A group holds at most 20 people, its starter included (lib/dal/messages/write.ts says so too). */
export const RECIPIENTS_MAX = 19;

const body = z.string().trim().min(1).max(MESSAGE_MAX);
/** "I have checked: nothing here identifies a victim or a case" (lib/identifying), ticked after a refusal. */
const identifyingChecked = checkbox;
/** A repeated form field (one value arrives as a string). */
const people = (max: number) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.uuid()).min(1, { error: 'choosePeople' }).max(max, { error: 'tooManyPeople' }),
  );

/** A message carries at most 10 files (lib/dal/messages/attachments.ts). */
export const ATTACHMENTS_MAX = 10;
/** The ids of the files uploaded for the message (POST /api/uploads?for=message), a repeated field. */
const attachments = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid()).max(ATTACHMENTS_MAX, { error: 'tooManyFiles' }),
);

export const startConversationSchema = z.object({
  recipients: people(RECIPIENTS_MAX),
  subject: optionalSingleLine(200),
  body,
  attachments,
  identifyingChecked,
});
export const sendMessageSchema = z.object({ conversationId: uuid, body, attachments, identifyingChecked });
export const editMessageSchema = z.object({ messageId: uuid, body, identifyingChecked });
export const messageIdSchema = z.object({ messageId: uuid });
export const conversationIdSchema = z.object({ conversationId: uuid });
export const renameSchema = z.object({ conversationId: uuid, subject: optionalSingleLine(200) });
export const addPeopleSchema = z.object({ conversationId: uuid, people: people(RECIPIENTS_MAX) });
export const muteSchema = z.object({ conversationId: uuid, on: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const blockSchema = z.object({ userId: uuid, on: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const reportMessageSchema = z.object({ messageId: uuid, reason: singleLine(500, 3) });
export const hideMessageSchema = z.object({ messageId: uuid, reason: singleLine(300, 3) });
export const resolveMessageReportSchema = z.object({ reportId: uuid });

/** /messages: a search within one's own messages, and the page. */
export const inboxQuerySchema = z.object({ q: searchText(200), cursor });
/** /messages/[id]: older messages, and a message being edited. */
export const conversationQuerySchema = z.object({ cursor, edit: uuidParam });
/** The type-ahead of people to write to (and of mentions in a conversation). */
export const peopleQuerySchema = z.object({ q: z.string().trim().min(1).max(60), conversation: z.uuid().optional() });
