import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor, nameIdKey } from '@/lib/dal/pagination';
import { listPeople } from '@/lib/dal/directory/people';
import { signedIn } from '@/testing/factories';
import { applicationFiltersSchema, auditFiltersSchema, organisationFiltersSchema, userFiltersSchema } from './admin';
import { searchFiltersSchema, threadPageSchema } from './discussions';
import { organisationDirectorySchema, peopleDirectorySchema } from './profile';
import { CURSOR_MAX_LENGTH, choice, lenient, page, searchText, uuid } from './query';
import { blocklistFiltersSchema, resourceFiltersSchema } from './resources';

const id = '3f1c2b9e-8d4a-4c1e-9b7a-2f6d5e4c3b2a';
/** The longest cursor the portal makes: going back from a 200-character name (varchar(200)) of 4-byte characters. */
const longest = encodeCursor('before', ['𝒜'.repeat(200), id]);

/** Every list and search page's filters: [name, schema, its search box if any]. */
const lists: [string, z.ZodType, string | null][] = [
  ['admin users', userFiltersSchema, 'q'],
  ['admin organisations', organisationFiltersSchema, 'q'],
  ['admin audit', auditFiltersSchema, 'actor'],
  ['admin applications', applicationFiltersSchema, null],
  ['admin block list', blocklistFiltersSchema, null],
  ['search', searchFiltersSchema, 'q'],
  ['resources', resourceFiltersSchema, 'q'],
  ['directory', organisationDirectorySchema, 'q'],
  ['people', peopleDirectorySchema, 'q'],
];

describe('query-string helpers', () => {
  it('read the first of repeated values, and ignore what they refuse', () => {
    const schema = z.object({ sort: choice(['name', 'joined'] as const), page, id: uuid, n: lenient(z.coerce.number().int()) });
    expect(schema.parse({ sort: ['joined', 'name'], page: '3', id, n: '7' })).toEqual({ sort: 'joined', page: 3, id, n: 7 });
    expect(schema.parse({ sort: 'oldest', page: '0', id: 'nope', n: 'x' })).toEqual({
      sort: undefined,
      page: undefined,
      id: undefined,
      n: undefined,
    });
  });

  it('take control characters out of every value, and a search of nothing is no search', () => {
    const q = searchText(20);
    expect(q.parse('\u0000')).toBeUndefined();
    expect(q.parse(' \u200B ')).toBeUndefined();
    expect(q.parse('fin\u0000ancie\u0300re ')).toBe('financière');
    expect(q.parse('x'.repeat(21))).toBeUndefined();
    expect(lenient(z.string()).parse('a\u0000b\u001F')).toBe('ab');
  });

  it('fit the longest cursor the portal makes, in one length', () => {
    expect(longest.length).toBeLessThanOrEqual(CURSOR_MAX_LENGTH);
    expect(longest.length).toBeGreaterThan(CURSOR_MAX_LENGTH - 100);
    expect(decodeCursor(longest, nameIdKey)).toEqual({ direction: 'before', key: ['𝒜'.repeat(200), id] });
    expect(decodeCursor(encodeCursor('before', ['𝒜'.repeat(201), id]), nameIdKey)).toBeNull();
    expect(decodeCursor(`${longest}${'A'.repeat(CURSOR_MAX_LENGTH)}`, nameIdKey)).toBeNull();
  });

  it.each(lists)('%s: keeps the longest cursor, drops a NUL from its search box', (_page, schema, box) => {
    expect((schema.parse({ cursor: longest }) as { cursor?: string }).cursor).toBe(longest);
    expect((schema.parse({ cursor: 'x'.repeat(CURSOR_MAX_LENGTH + 1) }) as { cursor?: string }).cursor).toBeUndefined();
    expect((schema.parse({ cursor: 'not base64!' }) as { cursor?: string }).cursor).toBeUndefined();
    if (box) expect((schema.parse({ [box]: '%\u0000' }) as Record<string, unknown>)[box]).toBe('%');
  });

  it('reads a thread page leniently', () => {
    expect(threadPageSchema.parse({ page: ['2', '9'], quote: id })).toEqual({ page: 2, quote: id });
    expect(threadPageSchema.parse({ page: '-1', quote: '\u0000' })).toEqual({ page: undefined, quote: undefined });
  });
});

describe('a list read with a NUL in its URL', () => {
  it('answers, rather than failing in Postgres', async () => {
    const viewer = await signedIn();
    const filters = peopleDirectorySchema.parse({ q: '\u0000', cursor: encodeCursor('after', ['\u0000', id]) });
    await expect(listPeople(viewer, filters)).resolves.toMatchObject({ items: expect.any(Array) });
    await expect(listPeople(viewer, { q: 'a\u0000' })).rejects.toThrow();
  });
});
