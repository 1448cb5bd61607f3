import 'server-only';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { guidelinesVersions, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { UserError } from '@/lib/errors';
import { cookMarkdown } from '@/lib/markdown';
import type { RequestInfo } from '@/lib/request';
import { keysetPage, type Page } from '@/lib/dal/pagination';
import { z } from 'zod';
import { assertGuidelinesEditor } from './access';

export interface GuidelinesVersion {
  version: number;
  language: string;
  html: string;
  changeSummary: string;
  publishedAt: Date;
}

const columns = {
  version: guidelinesVersions.version,
  language: guidelinesVersions.language,
  html: guidelinesVersions.html,
  changeSummary: guidelinesVersions.changeSummary,
  publishedAt: guidelinesVersions.publishedAt,
};

/** The version in force (the newest), or null before any exists. Public. */
export async function currentGuidelines(): Promise<GuidelinesVersion | null> {
  const [row] = await getDb().select(columns).from(guidelinesVersions).orderBy(desc(guidelinesVersions.version)).limit(1);
  return row ?? null;
}

/** The SQL for "the version in force" (0 before any exists), for inserts that record an acceptance. */
export const currentGuidelinesVersion = sql<number>`coalesce((select max(version) from guidelines_versions), 0)`;

/** Markdown cooked exactly as publishing would store it (the admin's preview). */
export async function previewGuidelines(viewer: Viewer, markdown: string): Promise<string> {
  assertGuidelinesEditor(viewer);
  return cookMarkdown(markdown);
}

/**
 * Publishes the next version (admins only, audited). From the next request on, every member who has
 * not accepted it is sent to /guidelines/accept; the publisher accepts it by publishing.
 */
export async function publishGuidelines(
  viewer: Viewer,
  input: { markdown: string; changeSummary: string; language: string },
  request: RequestInfo,
): Promise<number> {
  assertGuidelinesEditor(viewer);
  const html = await cookMarkdown(input.markdown);
  return getDb().transaction(async (tx) => {
    // Two admins publishing at once: one waits for the other and takes the following number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guidelines.publish'))`);
    const [row] = await tx
      .insert(guidelinesVersions)
      .values({ version: sql`${currentGuidelinesVersion} + 1`, html, publishedBy: viewer.id, ...input })
      .returning({ version: guidelinesVersions.version });
    const version = row!.version;
    await tx
      .update(users)
      .set({ guidelinesVersion: version, guidelinesAcceptedAt: sql`now()` })
      .where(eq(users.id, viewer.id));
    await audit(
      {
        action: 'guidelines.published',
        actorId: viewer.id,
        targetType: 'guidelines',
        targetId: String(version),
        ip: request.ip,
        details: { version, language: input.language, changeSummary: input.changeSummary },
      },
      tx,
    );
    return version;
  });
}

/**
 * Records that the person accepted `version`, which must be the one in force (someone who read an
 * older page while a newer one was published is asked again). Audited.
 */
export async function acceptGuidelines(account: Pick<Viewer, 'id'>, version: number, request: RequestInfo): Promise<void> {
  await getDb().transaction(async (tx) => {
    const accepted = await tx
      .update(users)
      .set({ guidelinesVersion: version, guidelinesAcceptedAt: sql`now()` })
      .where(
        and(
          eq(users.id, account.id),
          sql`${version} = ${currentGuidelinesVersion}`,
          or(isNull(users.guidelinesVersion), lt(users.guidelinesVersion, version)),
        ),
      )
      .returning({ id: users.id });
    if (!accepted.length) throw new UserError('guidelines.accept.newer');
    await audit({ action: 'guidelines.accepted', actorId: account.id, targetType: 'guidelines', targetId: String(version), ip: request.ip }, tx);
  });
}

export interface PublishedVersion extends GuidelinesVersion {
  publishedByName: string | null;
}

/** Every published version, newest first, with who published it (admins only); keyset by version. */
export async function listGuidelinesVersions(viewer: Viewer, cursor: string | undefined): Promise<Page<PublishedVersion>> {
  assertGuidelinesEditor(viewer);
  return keysetPage({
    cursor,
    key: z.tuple([z.number().int().min(0)]),
    keyOf: (row) => [row.version] as [number],
    size: 10,
    fetch: ({ key, backward }, limit) =>
      getDb()
        .select({ ...columns, publishedByName: users.name })
        .from(guidelinesVersions)
        .leftJoin(users, eq(users.id, guidelinesVersions.publishedBy))
        .where(key ? (backward ? sql`${guidelinesVersions.version} > ${key[0]}` : lt(guidelinesVersions.version, key[0])) : undefined)
        .orderBy(backward ? guidelinesVersions.version : desc(guidelinesVersions.version))
        .limit(limit),
  });
}

/** The markdown of the version in force, to start the next one from (admins only). */
export async function currentGuidelinesSource(viewer: Viewer): Promise<{ markdown: string; language: string } | null> {
  assertGuidelinesEditor(viewer);
  const [row] = await getDb()
    .select({ markdown: guidelinesVersions.markdown, language: guidelinesVersions.language })
    .from(guidelinesVersions)
    .orderBy(desc(guidelinesVersions.version))
    .limit(1);
  return row ?? null;
}
