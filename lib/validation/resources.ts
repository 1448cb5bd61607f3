import { OFFERED_VISIBILITIES } from '@/db/values';
import { z } from 'zod';
import { SECTORS } from '@/db/schema/enums';
import { RESOURCE_TYPES, RESOURCE_VISIBILITIES } from '@/db/schema/resources';
import { checkbox, uuid, type WithAcknowledgement } from './fields';
import { markingFields, optionalMarkingFields, type MarkingInput, type WithOptionalMarking } from './markings';
import { parseHashList } from './hash-list';
import { choice, cursor, lenient, searchText, uuid as uuidParam } from './query';
import { optionalSingleLine, singleLine } from './text';
import { LANGUAGES, expertiseSlug } from './profile';

/**
 * Schemas of the resource library (safe in the browser): the contribute and edit forms, the list's
 * filters (read from the URL: an unknown value is ignored, never an error) and the block list forms.
 */
export { LANGUAGES, RESOURCE_TYPES, RESOURCE_VISIBILITIES, SECTORS };
export type { ResourceType, ResourceVisibility } from '@/db/schema/resources';

export { OFFERED_VISIBILITIES };

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));

const thisYear = () => new Date().getUTCFullYear();
const year = z.coerce
  .number({ error: 'invalidYear' })
  .int({ error: 'invalidYear' })
  .min(1900, { error: 'invalidYear' })
  .refine((v) => v <= thisYear() + 1, { error: 'invalidYear' });

const externalUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'invalidUrl' }));

/** The metadata shared by the contribute and edit forms. */
const metadata = {
  title: singleLine(300, 3),
  description: z.string().max(20000).optional().default(''),
  /** "I have checked: nothing here identifies a victim or a case" (lib/identifying), ticked after a refusal. */
  identifyingChecked: checkbox,
  type: z.enum(RESOURCE_TYPES, { error: 'invalidChoice' }),
  topics: list(expertiseSlug, 10),
  languages: list(z.enum(LANGUAGES, { error: 'invalidChoice' }), 10),
  year: z.preprocess((v) => (v === '' ? undefined : v), year.optional()),
  visibility: z.enum(OFFERED_VISIBILITIES, { error: 'invalidChoice' }),
  sectors: list(z.enum(SECTORS, { error: 'invalidChoice' }), SECTORS.length),
  spaceId: uuid.optional(),
};

const sectorsWhenNeeded = (v: { visibility: string; sectors: string[]; spaceId?: string }, ctx: z.RefinementCtx) => {
  if (v.visibility === 'sectors' && v.sectors.length === 0) ctx.addIssue({ code: 'custom', path: ['sectors'], message: 'chooseSector' });
  if (v.visibility === 'space' && !v.spaceId) ctx.addIssue({ code: 'custom', path: ['spaceId'], message: 'chooseSpace' });
};

export const createResourceSchema = z
  .object({
    ...metadata,
    ...markingFields,
    kind: z.enum(['file', 'link'], { error: 'invalidChoice' }),
    fileId: uuid.optional(),
    url: externalUrl.optional(),
    /** Admins may contribute on behalf of any organisation; for everyone else it is their own. */
    organisationId: uuid.optional(),
  })
  .superRefine((v, ctx) => {
    sectorsWhenNeeded(v, ctx);
    if (v.kind === 'file' && !v.fileId) ctx.addIssue({ code: 'custom', path: ['file'], message: 'uploadFirst' });
    if (v.kind === 'link' && !v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'required' });
  });
export type CreateResourceInput = WithAcknowledgement<WithOptionalMarking<z.output<typeof createResourceSchema>>>;

export const updateResourceSchema = z
  .object({ ...metadata, ...optionalMarkingFields, resourceId: uuid, url: externalUrl.optional() })
  .superRefine(sectorsWhenNeeded);
export type UpdateResourceInput = WithAcknowledgement<Omit<z.output<typeof updateResourceSchema>, keyof MarkingInput> & Partial<MarkingInput>>;

export const addVersionSchema = z.object({
  resourceId: uuid,
  fileId: uuid.optional().refine((v) => Boolean(v), { error: 'uploadFirst' }),
  note: optionalSingleLine(300).default(''),
});
export type AddVersionInput = z.output<typeof addVersionSchema>;

export const deleteResourceSchema = z.object({ resourceId: uuid });

export const RESOURCE_SORTS = ['newest', 'downloads'] as const;

export const resourceFiltersSchema = z.object({
  q: searchText(200),
  type: choice(RESOURCE_TYPES),
  topic: lenient(expertiseSlug),
  language: choice(LANGUAGES),
  year: lenient(year),
  organisation: uuidParam,
  sector: choice(SECTORS),
  sort: choice(RESOURCE_SORTS),
  cursor,
});
export type ResourceFilters = z.output<typeof resourceFiltersSchema>;

/** A SHA-256 (64 hex) or MD5 (32 hex) hash, in any case; surrounding spaces ignored. */
const hashValue = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^([0-9a-f]{64}|[0-9a-f]{32})$/, { error: 'invalidHash' });

export const addBlockedHashSchema = z.object({ hash: hashValue, note: optionalSingleLine(300).default('') });
export const removeBlockedHashSchema = z.object({ id: uuid });
/** What happens to a quarantined file's bytes (lib/dal/files/quarantine-setting.ts). */
export const quarantineModeSchema = z.object({ mode: z.enum(['discard', 'keep']) });
export const blocklistFiltersSchema = z.object({ cursor });

/** The longest block list imported at once (about 15,000 SHA-256 hashes); lib/limits.ts is sized for it. */
const HASH_LIST_MAX = 1_000_000;

/** A pasted (or read from a file in the browser) list: one hash a line, or CSV with a hash column (./hash-list.ts). */
export const importBlockedHashesSchema = z.object({
  hashes: z
    .string()
    .min(1)
    .max(HASH_LIST_MAX)
    .refine((text) => !parseHashList(text).noHashColumn, { error: 'noHashColumn' }),
  note: optionalSingleLine(300).default(''),
});
