import { z } from 'zod';
import { choice, cursor } from './query';

/** A focal point's answer for one person of their organisation. */
export const reviewPersonSchema = z.object({
  slug: z.string().min(1).max(120),
  userId: z.uuid(),
  decision: z.enum(['stays', 'left']),
});

/** An admin moving an organisation's re-verification date. */
export const reverificationDateSchema = z.object({
  organisationId: z.uuid(),
  dueOn: z.iso.date(),
});

/** The focal point's list of people: a page cursor. */
export const reviewedPeopleListSchema = z.object({ cursor });

export const REVERIFICATION_FILTERS = ['open', 'queue', 'scheduled'] as const;

/** The admin's list: a status filter and a page cursor. */
export const reverificationListSchema = z.object({ cursor, filter: choice(REVERIFICATION_FILTERS) });
