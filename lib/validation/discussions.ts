import { z } from 'zod';
import { SECTORS } from '@/db/schema/enums';
import { SPACE_ACCESS } from '@/db/schema/discussions';
import { checkbox, requiredText, uuid } from './fields';

/** Schemas of discussions (safe in the browser): forms, actions and the filters read from URLs. */
export { SPACE_ACCESS, SECTORS };
export type { SpaceAccessKind } from '@/db/schema/discussions';
export type { Sector } from '@/db/schema/enums';

export const POST_MAX = 20_000;
export const POSTS_PER_PAGE = 30;

const body = z.string().trim().min(1).max(POST_MAX);
const urgentReason = z.string().trim().max(200).optional();

export const newThreadSchema = z
  .object({
    spaceId: uuid,
    title: requiredText(200, 3),
    body,
    urgent: checkbox,
    urgentReason,
  })
  .refine((v) => !v.urgent || (v.urgentReason && v.urgentReason.length >= 3), {
    path: ['urgentReason'],
    error: 'urgentReasonRequired',
  });
export type NewThreadInput = z.output<typeof newThreadSchema>;

export const replySchema = z.object({ threadId: uuid, body });
export type ReplyInput = z.output<typeof replySchema>;

export const editPostSchema = z.object({ postId: uuid, body });
export const postIdSchema = z.object({ postId: uuid });
export const threadIdSchema = z.object({ threadId: uuid });
export const spaceIdSchema = z.object({ spaceId: uuid });
export const previewSchema = z.object({ body: z.string().max(POST_MAX).default('') });

export const urgentSchema = z.object({ threadId: uuid, reason: requiredText(200, 3) });
export const followSchema = z.object({ id: uuid, follow: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const reportSchema = z.object({ postId: uuid, reason: requiredText(500, 3) });
export const hideSchema = z.object({ postId: uuid, reason: requiredText(300, 3) });
export const moveSchema = z.object({ threadId: uuid, spaceId: uuid });
export const toggleSchema = z.object({ threadId: uuid, on: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const resolveSchema = z.object({ reportId: uuid });

export const joinRequestSchema = z.object({ spaceId: uuid, message: z.string().trim().max(500).optional() });
export const decideJoinSchema = z.object({ requestId: uuid, accept: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const spaceSchema = z
  .object({
    spaceId: uuid.optional(),
    name: requiredText(120, 3),
    description: z.string().trim().max(1000).default(''),
    access: z.enum(SPACE_ACCESS, { error: 'invalidChoice' }),
    sectors: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(SECTORS, { error: 'invalidChoice' }))),
    position: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .refine((v) => v.access !== 'sector' || v.sectors.length > 0, { path: ['sectors'], error: 'chooseSector' });
export type SpaceInput = z.output<typeof spaceSchema>;

export const spaceMemberSchema = z.object({
  spaceId: uuid,
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'invalidEmail' })),
  manager: checkbox,
});
export const spaceMemberChangeSchema = z.object({
  spaceId: uuid,
  userId: uuid,
  change: z.enum(['remove', 'manager', 'member']),
});
export const archiveSchema = z.object({ spaceId: uuid, archived: z.enum(['true', 'false']).transform((v) => v === 'true') });

// ---- filters read from the URL: anything odd is ignored
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema.optional()).catch(undefined);

export const threadPageSchema = z.object({
  page: lenient(z.coerce.number().int().min(1).max(100_000)),
  quote: lenient(z.uuid()),
});

export const searchFiltersSchema = z.object({
  q: lenient(
    z
      .string()
      .trim()
      .max(200)
      .transform((v) => v || undefined),
  ),
  space: lenient(z.uuid()),
  author: lenient(z.uuid()),
  from: lenient(z.iso.date()),
  to: lenient(z.iso.date()),
  cursor: lenient(z.string().max(400)),
});
export type SearchFilters = z.output<typeof searchFiltersSchema>;

export const mentionQuerySchema = z.object({ q: z.string().trim().min(1).max(60) });
