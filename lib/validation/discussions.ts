import { POST_MAX } from '@/db/values';
import { z } from 'zod';
import { SECTORS } from '@/db/schema/enums';
import { SPACE_ACCESS } from '@/db/schema/discussions';
import { checkbox, uuid, type WithAcknowledgement } from './fields';
import { markingFields, type WithOptionalMarking } from './markings';
import { LANGUAGES } from './profile';
import { choice, day, cursor, page, searchText, uuid as uuidParam } from './query';
import { optionalSingleLine, singleLine } from './text';

/** Schemas of discussions (safe in the browser): forms, actions and the filters read from URLs. */
export { SPACE_ACCESS, SECTORS };
export type { SpaceAccessKind } from '@/db/schema/discussions';
export type { Sector } from '@/db/schema/enums';

export { POST_MAX };
/** Posts on one page of a thread: Discourse's chunk size, which keeps a page's HTML under 60 KB (issue 17, decision 025). */
export const POSTS_PER_PAGE = 20;

const body = z.string().trim().min(1).max(POST_MAX);
const urgentReason = optionalSingleLine(200);
/** "I have checked: nothing here identifies a victim or a case" (lib/identifying), ticked after a refusal. */
const identifyingChecked = checkbox;

export const newThreadSchema = z
  .object({
    spaceId: uuid,
    title: singleLine(200, 3),
    /** The thread's content language; left out, the author's interface language. */
    language: z.enum(LANGUAGES).optional(),
    body,
    identifyingChecked,
    urgent: checkbox,
    urgentReason,
    /** Run the thread under the Chatham House Rule (always, in a Chatham House space). */
    chathamHouse: checkbox,
    ...markingFields,
  })
  .refine((v) => !v.urgent || (v.urgentReason && v.urgentReason.length >= 3), {
    path: ['urgentReason'],
    error: 'urgentReasonRequired',
  });
/** What createThread takes: the form's values (the acknowledgement, the marking and the Chatham House flag may be left out by other callers). */
export type NewThreadInput = WithAcknowledgement<
  WithOptionalMarking<Omit<z.output<typeof newThreadSchema>, 'chathamHouse'> & { chathamHouse?: boolean }>
>;

export const replySchema = z.object({ threadId: uuid, body, identifyingChecked });
export type ReplyInput = WithAcknowledgement<z.output<typeof replySchema>>;

export const editPostSchema = z.object({ postId: uuid, body, identifyingChecked });
export const postIdSchema = z.object({ postId: uuid });
export const threadIdSchema = z.object({ threadId: uuid });
export const previewSchema = z.object({ body: z.string().max(POST_MAX).default('') });

export const urgentSchema = z.object({ threadId: uuid, reason: singleLine(200, 3) });
export const followSchema = z.object({ id: uuid, follow: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const reportSchema = z.object({ postId: uuid, reason: singleLine(500, 3) });
export const hideSchema = z.object({ postId: uuid, reason: singleLine(300, 3) });
export const moveSchema = z.object({ threadId: uuid, spaceId: uuid });
export const toggleSchema = z.object({ threadId: uuid, on: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const resolveSchema = z.object({ reportId: uuid });
/** A moderator reveals the author of a reported Chatham House post: the report and a reason are required. */
export const revealAuthorSchema = z.object({ reportId: uuid, reason: singleLine(300, 3) });

export const joinRequestSchema = z.object({ spaceId: uuid, message: z.string().trim().max(500).optional() });
export const decideJoinSchema = z.object({ requestId: uuid, accept: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const spaceSchema = z
  .object({
    spaceId: uuid.optional(),
    name: singleLine(120, 3),
    description: z.string().trim().max(1000).default(''),
    access: z.enum(SPACE_ACCESS, { error: 'invalidChoice' }),
    sectors: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(SECTORS, { error: 'invalidChoice' }))),
    position: z.coerce.number().int().min(0).max(1000).default(0),
    /** Every thread of the space runs under the Chatham House Rule (decision 031). */
    chathamHouse: checkbox,
  })
  .refine((v) => v.access !== 'sector' || v.sectors.length > 0, { path: ['sectors'], error: 'chooseSector' });
/** What createSpace/updateSpace take (the Chatham House flag left out: off, or unchanged). */
export type SpaceInput = Omit<z.output<typeof spaceSchema>, 'chathamHouse'> & { chathamHouse?: boolean };

export const spaceMemberSchema = z.object({
  spaceId: uuid,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: 'invalidEmail' })),
  manager: checkbox,
});
export const spaceMemberChangeSchema = z.object({
  spaceId: uuid,
  userId: uuid,
  change: z.enum(['remove', 'manager', 'member']),
});
export const archiveSchema = z.object({ spaceId: uuid, archived: z.enum(['true', 'false']).transform((v) => v === 'true') });

// ---- filters read from the URL: anything odd is ignored
/** A space's thread list: a page cursor and a content language. */
export const threadListSchema = z.object({ cursor, language: choice(LANGUAGES) });

export const threadPageSchema = z.object({ page, quote: uuidParam });

export const searchFiltersSchema = z.object({
  q: searchText(200),
  space: uuidParam,
  author: uuidParam,
  language: choice(LANGUAGES),
  from: day,
  to: day,
  cursor,
});
export type SearchFilters = z.output<typeof searchFiltersSchema>;

/**
 * The mention box's type-ahead (a route handler's query: a bad value is a 400, not ignored). `thread` when
 * the editor belongs to a thread (a reply, an edit): the thread's TLP marking then narrows the people offered.
 */
export const mentionQuerySchema = z.object({ space: uuid, thread: uuid.optional(), q: z.string().trim().min(1).max(60) });
