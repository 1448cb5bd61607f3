import { z } from 'zod';
import { BREAK_REMINDER_CHOICES, REPORT_TARGETS, TEMPORARY_SUSPENSION_DAYS } from '@/db/values';
import { uuid } from './fields';
import { singleLine } from './text';

/** Schemas of moderation (decision 029), safe in the browser. */
export { REPORT_TARGETS, BREAK_REMINDER_CHOICES, TEMPORARY_SUSPENSION_DAYS };

const reason = singleLine(500, 3);
/** A form's empty hidden field means "no report". */
const optionalReport = z.preprocess((v) => (v === '' ? undefined : v), uuid.optional());

/** Reporting a thread, resource, person or organisation (posts keep their own form and schema). */
export const reportTargetSchema = z.object({ kind: z.enum(REPORT_TARGETS), targetId: uuid, reason });

export const warnSchema = z.object({ userId: uuid, reason, reportId: optionalReport });

export const temporarySuspensionSchema = z.object({
  userId: uuid,
  days: z.coerce.number().int().min(TEMPORARY_SUSPENSION_DAYS.min).max(TEMPORARY_SUSPENSION_DAYS.max).default(TEMPORARY_SUSPENSION_DAYS.default),
  reason,
  reportId: optionalReport,
});

export const dismissReportSchema = z.object({ reportId: uuid });

export const breakReminderSchema = z.object({ minutes: z.enum(BREAK_REMINDER_CHOICES) });
