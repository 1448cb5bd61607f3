import { z } from 'zod';
import { isLocale } from '@/lib/i18n/locales';

/** The language switcher's one field. */
export const languageSchema = z.object({ locale: z.string().refine(isLocale, { error: 'invalidChoice' }) });
