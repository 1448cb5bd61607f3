import { CHANGE_SUMMARY_MAX, GUIDELINES_MAX } from '@/db/values';
import { z } from 'zod';
import { LANGUAGES } from './profile';
import { cursor } from './query';
import { multiLine } from './text';

export { CHANGE_SUMMARY_MAX, GUIDELINES_MAX };

/** A new version of the community guidelines (/admin/guidelines); previewing takes the same fields. */
export const publishGuidelinesSchema = z.object({
  markdown: multiLine(GUIDELINES_MAX),
  changeSummary: multiLine(CHANGE_SUMMARY_MAX),
  language: z.enum(LANGUAGES),
});

/** The text of the preview only. */
export const previewGuidelinesSchema = z.object({ markdown: multiLine(GUIDELINES_MAX) });

/** Accepting the version shown (a newer one published meanwhile is refused), then going on to `next`. */
export const acceptGuidelinesSchema = z.object({
  version: z.coerce.number().int().min(1),
  next: z.string().max(2000).optional(),
});

/** The list of published versions: a page cursor. */
export const guidelinesListSchema = z.object({ cursor });
