import { z } from 'zod';
import { SECTORS } from '@/db/schema/enums';
import { RESOURCE_TYPES, RESOURCE_VISIBILITIES } from '@/db/schema/resources';
import { cursor, requiredText, uuid } from './fields';
import { LANGUAGES, expertiseSlug } from './profile';

/**
 * Schemas of the resource library (safe in the browser): the contribute and edit forms, the list's
 * filters (read from the URL: an unknown value is ignored, never an error) and the block list forms.
 */
export { LANGUAGES, RESOURCE_TYPES, RESOURCE_VISIBILITIES, SECTORS };
export type { ResourceType, ResourceVisibility } from '@/db/schema/resources';

/** Visibilities offered in forms. */
export const OFFERED_VISIBILITIES = RESOURCE_VISIBILITIES;

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
  title: requiredText(300, 3),
  description: z.string().max(20000).optional().default(''),
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
export type CreateResourceInput = z.output<typeof createResourceSchema>;

export const updateResourceSchema = z
  .object({ ...metadata, resourceId: uuid, url: externalUrl.optional() })
  .superRefine(sectorsWhenNeeded);
export type UpdateResourceInput = z.output<typeof updateResourceSchema>;

export const addVersionSchema = z.object({
  resourceId: uuid,
  fileId: uuid.optional().refine((v) => Boolean(v), { error: 'uploadFirst' }),
  note: z.string().trim().max(300).optional().default(''),
});
export type AddVersionInput = z.output<typeof addVersionSchema>;

export const deleteResourceSchema = z.object({ resourceId: uuid });

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema.optional()).catch(undefined);

export const RESOURCE_SORTS = ['newest', 'downloads'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];

export const resourceFiltersSchema = z.object({
  q: lenient(
    z
      .string()
      .trim()
      .max(200)
      .transform((v) => v || undefined),
  ),
  type: lenient(z.enum(RESOURCE_TYPES)),
  topic: lenient(expertiseSlug),
  language: lenient(z.enum(LANGUAGES)),
  year: lenient(year),
  organisation: lenient(z.uuid()),
  sector: lenient(z.enum(SECTORS)),
  sort: lenient(z.enum(RESOURCE_SORTS)),
  cursor,
});
export type ResourceFilters = z.output<typeof resourceFiltersSchema>;

/** A SHA-256 (64 hex) or MD5 (32 hex) hash, in any case; surrounding spaces ignored. */
export const hashValue = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^([0-9a-f]{64}|[0-9a-f]{32})$/, { error: 'invalidHash' });

export const addBlockedHashSchema = z.object({ hash: hashValue, note: z.string().trim().max(300).optional().default('') });
export const removeBlockedHashSchema = z.object({ id: uuid });
export const blocklistFiltersSchema = z.object({ cursor });

/** A pasted (or read from a text file in the browser) list: one hash a line; blank lines and # comments ignored. */
export const importBlockedHashesSchema = z.object({
  hashes: z.string().min(1).max(1_000_000),
  note: z.string().trim().max(300).optional().default(''),
});

/** The hashes in an imported list, and the lines that were not hashes (line numbers from 1). */
export function parseHashList(text: string): { hashes: string[]; invalidLines: number[] } {
  const hashes = new Set<string>();
  const invalidLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    // Common formats: "<hash>", "<hash>  filename" (sha256sum), "<hash>,comment".
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const parsed = hashValue.safeParse(line.split(/[\s,;]+/)[0]);
    if (parsed.success) hashes.add(parsed.data);
    else invalidLines.push(index + 1);
  });
  return { hashes: [...hashes], invalidLines };
}
