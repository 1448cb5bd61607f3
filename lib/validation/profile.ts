import { z } from 'zod';
import { SECTORS } from '@/db/schema/enums';
import { REGIONS } from '@/lib/i18n/regions';
import { checkbox, countryCode, uuid, website } from './fields';
import { choice, cursor, lenient, searchText } from './query';
import { optionalSingleLine, singleLine } from './text';

/**
 * Schemas of the directory and profiles (safe in the browser): filters read from the URL (an unknown or
 * malformed value is ignored, never an error) and the inputs of the profile and organisation forms.
 */
export { SECTORS, REGIONS };

/** Languages members can say they speak (ISO 639-1); names come from Intl.DisplayNames in the viewer's language. */
export const LANGUAGES = [
  'ar',
  'bn',
  'de',
  'el',
  'en',
  'es',
  'fa',
  'fi',
  'fil',
  'fr',
  'ha',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'km',
  'ko',
  'ms',
  'my',
  'ne',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'si',
  'sv',
  'sw',
  'ta',
  'th',
  'tr',
  'uk',
  'ur',
  'vi',
  'yo',
  'zh',
  'zu',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Expertise slugs: lower-case words joined by hyphens (the list itself lives in the database). */
export const expertiseSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(60);

const country = lenient(
  z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .pipe(countryCode),
);

export const organisationDirectorySchema = z.object({
  q: searchText(100),
  sector: choice(SECTORS),
  country,
  region: choice(REGIONS),
  cursor,
});
export type OrganisationDirectoryFilters = z.output<typeof organisationDirectorySchema>;

export const PEOPLE_SORTS = ['name', 'joined'] as const;
export const peopleDirectorySchema = z.object({
  q: searchText(100),
  sector: choice(SECTORS),
  country,
  expertise: lenient(expertiseSlug),
  language: choice(LANGUAGES),
  sort: choice(PEOPLE_SORTS),
  cursor,
});
export type PeopleDirectoryFilters = z.output<typeof peopleDirectorySchema>;

/** Repeated form fields (checkboxes) arrive as a string or a list. */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));

const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()./-]{5,40}$/, { error: 'invalidFormat' });

export const profileSchema = z.object({
  name: singleLine(120),
  pronouns: optionalSingleLine(40),
  jobTitle: singleLine(120),
  bio: z.string().max(5000).optional().default(''),
  expertise: list(expertiseSlug, 10),
  languages: list(z.enum(LANGUAGES), 15),
  phone: phone.optional(),
  listed: checkbox,
  showEmail: checkbox,
  showPhone: checkbox,
});
export type ProfileInput = z.output<typeof profileSchema>;

export const organisationProfileSchema = z.object({
  organisationId: uuid,
  description: z.string().max(10000).optional().default(''),
  website: website.optional(),
});
export type OrganisationProfileInput = z.output<typeof organisationProfileSchema>;

export const expertiseAreaSchema = z.object({ label: singleLine(80, 3) });
export type ExpertiseAreaInput = z.output<typeof expertiseAreaSchema>;

/** Logos: PNG, JPEG or WebP (checked by content), at most 2 MB. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
