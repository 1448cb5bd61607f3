import { z } from 'zod';
import { isLocale, isTimeZone } from '@/lib/i18n/locales';

export const preferencesSchema = z.object({
  locale: z.string().refine(isLocale, { error: 'invalidChoice' }),
  timeZone: z.string().max(64).refine(isTimeZone, { error: 'invalidChoice' }),
});
