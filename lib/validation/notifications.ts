import { z } from 'zod';
import { SPACE_FOLLOW_MODES } from '@/db/schema/discussions';
import { CHANNELS, PREFERENCE_KINDS } from '@/db/schema/notifications';
import { uuid } from './fields';

export { CHANNELS, PREFERENCE_KINDS, SPACE_FOLLOW_MODES };

/** An unsubscribe token as it arrives from an email link (its signature is checked by the data layer). */
export const unsubscribeSchema = z.object({ token: z.string().trim().min(40, { error: 'invalidFormat' }).max(200, { error: 'invalidFormat' }) });

const channel = z.enum(CHANNELS, { error: 'invalidChoice' });
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The notification preferences form (settings/notifications): a channel per kind, excerpts, a pause, the digest hour. */
export const notificationPreferencesSchema = z.object({
  ...(Object.fromEntries(PREFERENCE_KINDS.map((k) => [`channel_${k}`, channel])) as Record<
    `channel_${(typeof PREFERENCE_KINDS)[number]}`,
    typeof channel
  >),
  excerpts: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  digests: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  /** A day (the pause ends at its start in the member's time zone, see the data layer); empty: no pause. */
  pausedUntil: z
    .string()
    .trim()
    .refine((v) => v === '' || (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), { error: 'invalidFormat' })
    .optional()
    .transform((v) => v || null),
  digestHour: z.coerce
    .number({ error: 'invalidChoice' })
    .int({ error: 'invalidChoice' })
    .min(0, { error: 'invalidChoice' })
    .max(23, { error: 'invalidChoice' }),
});
export type NotificationPreferencesForm = z.output<typeof notificationPreferencesSchema>;

export const spaceModeSchema = z.object({ spaceId: uuid, mode: z.enum(SPACE_FOLLOW_MODES, { error: 'invalidChoice' }) });
