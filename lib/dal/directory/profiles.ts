/**
 * Access for profiles: a member reads and edits only their OWN profile here (the viewer's id is the
 * only key; nothing from the form picks whose profile changes). Name, pronouns, job title, bio, expertise,
 * languages, phone and privacy choices are theirs; their organisation and email are not (only admins
 * change those, in the console: they are what approval verified). The expertise list is read by every
 * member and extended by admins only (NotFoundError to anyone else).
 */
import 'server-only';
import { asc, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { expertiseAreas, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import { cookMarkdown } from '@/lib/markdown';
import type { RequestInfo } from '@/lib/request';
import type { ExpertiseAreaInput, ProfileInput } from '@/lib/validation/profile';
import { assertAdmin } from '@/lib/dal/roles';
import { slugify } from '@/lib/dal/slugs';
import { ownAccount } from '@/lib/dal/accounts/access';

export interface ExpertiseArea {
  slug: string;
  label: string;
}

/** The controlled list of areas of expertise, in its set order. */
export async function listExpertiseAreas(): Promise<ExpertiseArea[]> {
  return getDb()
    .select({ slug: expertiseAreas.slug, label: expertiseAreas.label })
    .from(expertiseAreas)
    .orderBy(asc(expertiseAreas.position), asc(expertiseAreas.label))
    .limit(500);
}

/** Adds an area of expertise to the list (admins only); a label already there is refused. */
export async function addExpertiseArea(viewer: Viewer, input: ExpertiseAreaInput, request: RequestInfo): Promise<ExpertiseArea> {
  assertAdmin(viewer);
  const label = input.label.trim();
  const slug = slugify(label, 60);
  if (!slug) throw new UserError('directory.expertise.invalidLabel', 'label');
  return getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ slug: expertiseAreas.slug })
      .from(expertiseAreas)
      .where(sql`${expertiseAreas.slug} = ${slug} or lower(${expertiseAreas.label}) = lower(${label})`)
      .limit(1);
    if (existing) throw new UserError('directory.expertise.exists', 'label');
    const [{ last } = { last: 0 }] = await tx
      .select({ last: sql<number>`coalesce(max(${expertiseAreas.position}), 0)`.mapWith(Number) })
      .from(expertiseAreas);
    const [row] = await tx
      .insert(expertiseAreas)
      .values({ slug, label, position: last + 10, createdBy: viewer.id })
      .returning({ slug: expertiseAreas.slug, label: expertiseAreas.label });
    await audit({ action: 'expertise.added', actorId: viewer.id, targetType: 'expertise', targetId: slug, ip: request.ip, details: { label } }, tx);
    return row!;
  });
}

export interface OwnProfile {
  name: string;
  email: string;
  pronouns: string | null;
  jobTitle: string;
  bio: string;
  expertise: string[];
  languages: string[];
  phone: string | null;
  listed: boolean;
  showEmail: boolean;
  showPhone: boolean;
}

/** The viewer's own profile, as the settings form edits it. */
export async function getOwnProfile(viewer: Viewer): Promise<OwnProfile> {
  const [row] = await getDb()
    .select({
      name: users.name,
      email: users.email,
      pronouns: users.pronouns,
      jobTitle: users.jobTitle,
      bio: users.bio,
      expertise: users.expertise,
      languages: users.languages,
      phone: users.phone,
      listed: users.listed,
      showEmail: users.showEmail,
      showPhone: users.showPhone,
    })
    .from(users)
    .where(ownAccount(viewer))
    .limit(1);
  if (!row) throw new NotFoundError('user');
  return row;
}

/**
 * Saves the viewer's own profile. The bio is cooked (sanitized HTML stored beside the source); areas
 * of expertise must be on the controlled list. Organisation and email are not among the fields.
 */
export async function updateOwnProfile(viewer: Viewer, input: ProfileInput, request: RequestInfo): Promise<void> {
  const expertise = [...new Set(input.expertise)];
  if (expertise.length) {
    const known = await getDb().select({ slug: expertiseAreas.slug }).from(expertiseAreas).where(inArray(expertiseAreas.slug, expertise));
    if (known.length !== expertise.length) throw new UserError('validation.invalidChoice', 'expertise');
  }
  const bio = input.bio.trim();
  const bioHtml = bio ? await cookMarkdown(bio) : '';
  await getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ listed: users.listed, showEmail: users.showEmail, showPhone: users.showPhone })
      .from(users)
      .where(ownAccount(viewer))
      .for('update');
    if (!before) throw new NotFoundError('user');
    await tx
      .update(users)
      .set({
        name: input.name,
        pronouns: input.pronouns || null,
        jobTitle: input.jobTitle,
        bio,
        bioHtml,
        expertise,
        languages: [...new Set(input.languages)],
        phone: input.phone || null,
        listed: input.listed,
        showEmail: input.showEmail,
        showPhone: input.showPhone,
        updatedAt: new Date(),
      })
      .where(ownAccount(viewer));
    const privacy = (['listed', 'showEmail', 'showPhone'] as const).filter((k) => before[k] !== input[k]);
    await audit(
      {
        action: 'profile.updated',
        actorId: viewer.id,
        targetType: 'user',
        targetId: viewer.id,
        ip: request.ip,
        details: privacy.length ? { privacy: Object.fromEntries(privacy.map((k) => [k, input[k]])) } : {},
      },
      tx,
    );
  });
}
