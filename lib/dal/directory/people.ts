/** The people directory and profiles, under personAccess (./access.ts); contact details follow each person's choices. */
import 'server-only';
import { cache } from 'react';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, users, type Sector } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import type { PeopleDirectoryFilters } from '@/lib/validation/profile';
import { isAdmin } from '@/lib/dal/roles';
import { fuzzyNameMatch } from '@/lib/dal/matching';
import { organisationAccess, personAccess } from './access';
import { isUuid, isoMicros, keysetPage, nameIdKey, seekClause, timeIdKey, type Page } from '@/lib/dal/pagination';

/**
 * A person's name or their organisation's name matches. The matching organisations are looked up first
 * (an array the organisation index of users can use): an OR across the join would scan every person.
 * From three letters on, the matching people are too, through the name's trigram index: left inside the
 * query, a name match had Postgres walk the whole name index in name order, checking thousands of rows
 * for a few dozen (issue 17). Shorter words match most names, and that walk finds a page at once.
 */
function nameOrOrganisationMatch(q: string): SQL {
  const matchingOrganisations = sql`array(select o.id from organisations o where ${fuzzyNameMatch(sql`o.name`, q)})`;
  const person =
    q.trim().length >= 3
      ? sql`${users.id} = any(array(select u.id from users u where ${fuzzyNameMatch(sql`u.name`, q)}))`
      : fuzzyNameMatch(users.name, q);
  return sql`(${person} or ${users.organisationId} = any(${matchingOrganisations}))`;
}

function peopleConditions(viewer: Viewer, filters: PeopleDirectoryFilters): SQL | undefined {
  return and(
    personAccess(viewer),
    organisationAccess(viewer),
    filters.sector ? eq(organisations.sector, filters.sector) : undefined,
    filters.country ? eq(organisations.country, filters.country) : undefined,
    filters.expertise ? sql`${users.expertise} @> array[${filters.expertise}]::text[]` : undefined,
    filters.language ? sql`${users.languages} @> array[${filters.language}]::text[]` : undefined,
    filters.q ? nameOrOrganisationMatch(filters.q) : undefined,
  );
}

export interface PersonCard {
  id: string;
  name: string;
  jobTitle: string;
  organisationName: string;
  organisationSlug: string;
  sector: Sector;
  country: string | null;
  /** Only shown to admins: whether the person is hidden from members. */
  listed: boolean;
}

const cardColumns = {
  id: users.id,
  name: users.name,
  jobTitle: users.jobTitle,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  sector: organisations.sector,
  country: organisations.country,
  listed: users.listed,
};

/** People matching the filters, by name or newest first, in keyset pages. */
export async function listPeople(viewer: Viewer, filters: PeopleDirectoryFilters = {}, size?: number): Promise<Page<PersonCard>> {
  const where = peopleConditions(viewer, filters);
  const base = () => getDb().select(cardColumns).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId));
  if (filters.sort === 'joined') {
    const page = await keysetPage({
      cursor: filters.cursor,
      key: timeIdKey,
      size,
      fetch: async ({ key, backward }, limit) => {
        const seek = seekClause([users.createdAt, users.id], key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null, 'desc', backward);
        return getDb()
          .select({ ...cardColumns, joined: isoMicros(users.createdAt) })
          .from(users)
          .innerJoin(organisations, eq(organisations.id, users.organisationId))
          .where(and(where, seek.where))
          .orderBy(...seek.orderBy)
          .limit(limit);
      },
      keyOf: (row) => [row.joined, row.id] as [string, string],
    });
    return { ...page, items: page.items.map(({ joined: _j, ...card }) => card) };
  }
  return keysetPage({
    cursor: filters.cursor,
    key: nameIdKey,
    size,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([users.name, users.id], key ? [sql`${key[0]}`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return base()
        .where(and(where, seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.name, row.id] as [string, string],
  });
}

export const COUNT_CAP = 1000;

/** How many people match (as the viewer may see them), counted up to COUNT_CAP + 1 ("1,000+"). */
export async function countPeople(viewer: Viewer, filters: PeopleDirectoryFilters = {}): Promise<number> {
  const inner = getDb()
    .select({ one: sql`1` })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(peopleConditions(viewer, filters))
    .limit(COUNT_CAP + 1)
    .as('matches');
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inner);
  return row?.n ?? 0;
}

/** People of one organisation the viewer may see (its page), focal points first, then by name. */
export async function listOrganisationPeople(
  viewer: Viewer,
  organisationId: string,
  cursor?: string,
): Promise<Page<PersonCard & { isFocalPoint: boolean }>> {
  if (!isUuid(organisationId)) return { items: [], next: null, previous: null };
  return keysetPage({
    cursor,
    key: nameIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([users.name, users.id], key ? [sql`${key[0]}`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return getDb()
        .select({ ...cardColumns, isFocalPoint: users.isFocalPoint })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(and(personAccess(viewer), organisationAccess(viewer), eq(users.organisationId, organisationId), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.name, row.id] as [string, string],
  });
}

/** The focal points of an organisation the viewer may see (a handful per organisation). */
export async function listFocalPoints(viewer: Viewer, organisationId: string): Promise<PersonCard[]> {
  if (!isUuid(organisationId)) return [];
  return getDb()
    .select(cardColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(personAccess(viewer), organisationAccess(viewer), eq(users.organisationId, organisationId), eq(users.isFocalPoint, true)))
    .orderBy(users.name, users.id)
    .limit(50);
}

export interface PersonProfile extends PersonCard {
  pronouns: string | null;
  bioHtml: string;
  expertise: { slug: string; label: string }[];
  languages: string[];
  /** Present only when the person shows it (or the viewer is an admin or the person). */
  email: string | null;
  phone: string | null;
  isFocalPoint: boolean;
  joinedAt: Date;
  isSelf: boolean;
}

/** A person's profile page; NotFoundError when the viewer may not see them (unlisted to members: 404). Memoised per request (React `cache`): a page's metadata and body share one query. */
export const getPerson = cache(async function getPerson(viewer: Viewer, id: string): Promise<PersonProfile> {
  if (!isUuid(id)) throw new NotFoundError('person');
  const [row] = await getDb()
    .select({
      ...cardColumns,
      pronouns: users.pronouns,
      bioHtml: users.bioHtml,
      expertiseSlugs: users.expertise,
      languages: users.languages,
      unsafeEmail: users.email,
      unsafePhone: users.phone,
      showEmail: users.showEmail,
      showPhone: users.showPhone,
      isFocalPoint: users.isFocalPoint,
      joinedAt: users.createdAt,
      expertise: sql<
        { slug: string; label: string }[]
      >`coalesce((select json_agg(json_build_object('slug', e.slug, 'label', e.label) order by e.position, e.label) from expertise_areas e where e.slug = any(${users.expertise})), '[]'::json)`,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, id), personAccess(viewer), organisationAccess(viewer)))
    .limit(1);
  if (!row) throw new NotFoundError('person');
  const { unsafeEmail, unsafePhone, showEmail, showPhone, expertiseSlugs: _slugs, ...rest } = row;
  const isSelf = row.id === viewer.id;
  const override = isSelf || isAdmin(viewer);
  return {
    ...rest,
    expertise: typeof rest.expertise === 'string' ? JSON.parse(rest.expertise) : rest.expertise,
    email: showEmail || override ? unsafeEmail : null,
    phone: (showPhone || override) && unsafePhone ? unsafePhone : null,
    isSelf,
  };
});
