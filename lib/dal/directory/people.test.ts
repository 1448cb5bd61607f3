import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import { createOrganisation, createUser, everyRole, signedIn, userById } from '@/testing/factories';
import { NotFoundError, UserError } from '@/lib/errors';
import { expertiseAreaSchema, peopleDirectorySchema, profileSchema } from '@/lib/validation/profile';
import { countPeople, getPerson, listOrganisationPeople, listPeople } from './people';
import { encodeCursor } from '@/lib/dal/pagination';
import { addExpertiseArea, getOwnProfile, listExpertiseAreas, updateOwnProfile } from './profiles';

const request = { ip: '198.51.100.40', userAgent: 'vitest' };
let roles: Awaited<ReturnType<typeof everyRole>>;
let viewer: Awaited<ReturnType<typeof signedIn>>;
let hidden: Awaited<ReturnType<typeof createUser>>;
let orgJp: string;

const filters = (raw: Record<string, string>) => peopleDirectorySchema.parse(raw);
const names = (page: { items: { name: string }[] }) => page.items.map((p) => p.name);

beforeAll(async () => {
  roles = await everyRole();
  await getDb().update(users).set({ listed: false }); // the role accounts stay out of the way
  const fr = await createOrganisation({ name: 'Société Protection', sector: 'civil_society', country: 'FR' });
  const jp = await createOrganisation({ name: 'Blue Cloud', sector: 'private_sector', country: 'JP' });
  orgJp = jp.id;
  await createUser({ name: 'Zoë Martin', organisationId: fr.id, expertise: ['victim-support'], languages: ['fr', 'en'] });
  await createUser({
    name: 'Akira Tanaka',
    organisationId: jp.id,
    expertise: ['detection-technology', 'trust-safety'],
    languages: ['ja', 'en'],
    isFocalPoint: true,
  });
  await createUser({ name: 'Mia Sato', organisationId: jp.id, expertise: ['trust-safety'], languages: ['ja'] });
  await createUser({ name: 'Pending Person', organisationId: jp.id, status: 'pending' });
  hidden = await createUser({
    name: 'Hidden Harper',
    organisationId: jp.id,
    expertise: ['trust-safety'],
    languages: ['ja'],
    listed: false,
    phone: '+81 3 1234 5678',
  });
  viewer = await signedIn({ name: 'Viewer Vee', organisationId: fr.id });
});

describe('people directory', () => {
  it('lists listed, active people by name; filters combine', async () => {
    expect(names(await listPeople(viewer))).toEqual(['Akira Tanaka', 'Mia Sato', 'Viewer Vee', 'Zoë Martin']);
    expect(names(await listPeople(viewer, filters({ sector: 'private_sector', expertise: 'trust-safety' })))).toEqual(['Akira Tanaka', 'Mia Sato']);
    expect(names(await listPeople(viewer, filters({ country: 'JP', language: 'en' })))).toEqual(['Akira Tanaka']);
    expect(names(await listPeople(viewer, filters({ country: 'FR', expertise: 'detection-technology' })))).toEqual([]);
    expect(await countPeople(viewer, filters({ language: 'ja' }))).toBe(2);
  });

  it('searches names and organisations, forgiving accents and typos', async () => {
    expect(names(await listPeople(viewer, filters({ q: 'zoe' })))).toEqual(['Zoë Martin']);
    expect(names(await listPeople(viewer, filters({ q: 'Martn' })))).toEqual(['Zoë Martin']);
    expect(names(await listPeople(viewer, filters({ q: 'societe' })))).toEqual(['Viewer Vee', 'Zoë Martin']);
  });

  it('sorts by recently joined with keyset pages', async () => {
    const first = await listPeople(viewer, filters({ sort: 'joined' }), 2);
    expect(names(first)).toEqual(['Viewer Vee', 'Mia Sato']);
    const second = await listPeople(viewer, { sort: 'joined', cursor: first.next! }, 2);
    expect(names(second)).toEqual(['Akira Tanaka', 'Zoë Martin']);
    expect(second.next).toBeNull();
  });

  it('treats unknown filter values and huge or forged cursors as absent', async () => {
    const parsed = filters({ sector: 'x', country: 'QQ', expertise: '<script>', language: 'klingon', sort: 'salary', cursor: 'A'.repeat(50_000) });
    expect(Object.values(parsed).every((v) => v === undefined)).toBe(true);
    const forged = encodeCursor('after', ['2026-13-45T99:00:00.000000Z', 'nope']);
    expect(names(await listPeople(viewer, { sort: 'joined', cursor: forged }))).toHaveLength(4);
  });

  it('keeps unlisted people invisible to members everywhere, but not to admins', async () => {
    for (const member of [viewer, roles.member, roles.focalPoint, roles.moderator]) {
      expect(names(await listPeople(member, filters({ q: 'Harper' })))).toEqual([]);
      expect(names(await listPeople(member, filters({ country: 'JP' })))).not.toContain('Hidden Harper');
      expect(await countPeople(member, filters({ country: 'JP' }))).toBe(2);
      expect(names(await listOrganisationPeople(member, orgJp))).not.toContain('Hidden Harper');
      await expect(getPerson(member, hidden.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(names(await listPeople(roles.admin, filters({ q: 'Harper' })))).toEqual(['Hidden Harper']);
    expect(await countPeople(roles.admin, filters({ country: 'JP' }))).toBe(3);
    const seen = await getPerson(roles.admin, hidden.id);
    expect(seen.phone).toBe('+81 3 1234 5678');
    // Never anyone who is not active, even to admins.
    const pending = (await listPeople(roles.admin, filters({ q: 'Pending' }))).items;
    expect(pending).toEqual([]);
  });

  it('shows contact details only as the person chose', async () => {
    const person = await createUser({ name: 'Contact Carla', phone: '+44 20 7946 0000', showEmail: true, showPhone: false });
    const profile = await getPerson(viewer, person.id);
    expect(profile.email).toBe(person.email);
    expect(profile.phone).toBeNull();
    await expect(getPerson(viewer, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('own profile', () => {
  it('saves the profile, cooks the bio (a script is inert) and hides the person when unlisted', async () => {
    const me = await signedIn({ name: 'Self Sam' });
    const other = await signedIn();
    expect(names(await listPeople(other, filters({ q: 'Self Sam' })))).toEqual(['Self Sam']);
    const input = profileSchema.parse({
      name: 'Sam Self',
      pronouns: 'they/them',
      jobTitle: 'Analyst',
      bio: 'I work on *prevention*. <script>alert("x")</script><img src=x onerror=alert(1)> [link](javascript:alert(1))',
      expertise: ['prevention-education', 'research-data'],
      languages: ['en', 'fr'],
      phone: '+1 (555) 010-0000',
      showEmail: 'on',
    });
    expect(input.listed).toBe(false);
    await updateOwnProfile(me, input, request);
    const row = (await userById(me.id))!;
    expect(row.bioHtml).toContain('<em>prevention</em>');
    expect(row.bioHtml).not.toMatch(/<script|onerror|javascript:/);
    expect(row.listed).toBe(false);

    expect(names(await listPeople(other, filters({ q: 'Sam' })))).toEqual([]);
    await expect(getPerson(other, me.id)).rejects.toBeInstanceOf(NotFoundError);
    // The person still sees their own page.
    const own = await getPerson(me, me.id);
    expect(own.expertise.map((e) => e.slug)).toEqual(['prevention-education', 'research-data']);
    expect((await getOwnProfile(me)).pronouns).toBe('they/them');
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.targetId, me.id));
    expect(entry!.action).toBe('profile.updated');
    expect(entry!.details).toEqual({ privacy: { listed: false, showEmail: true } });
  });

  it('never changes organisation or email, and refuses expertise not on the list', async () => {
    const me = await signedIn();
    const before = (await userById(me.id))!;
    const parsed = profileSchema.parse({
      name: 'X',
      jobTitle: 'Y',
      email: 'evil@example.org',
      organisationId: roles.admin.organisationId,
      listed: 'on',
    });
    await updateOwnProfile(me, parsed, request);
    const after = (await userById(me.id))!;
    expect([after.email, after.organisationId]).toEqual([before.email, before.organisationId]);
    const bad = profileSchema.parse({ name: 'X', jobTitle: 'Y', expertise: 'made-up-area' });
    await expect(updateOwnProfile(me, bad, request)).rejects.toBeInstanceOf(UserError);
    expect(profileSchema.safeParse({ name: 'X', jobTitle: 'Y', phone: 'call me' }).success).toBe(false);
  });
});

describe('expertise list', () => {
  it('is extended by admins only', async () => {
    const input = expertiseAreaSchema.parse({ label: 'Age assurance' });
    for (const v of [roles.member, roles.focalPoint, roles.moderator]) {
      await expect(addExpertiseArea(v, input, request)).rejects.toBeInstanceOf(NotFoundError);
    }
    const added = await addExpertiseArea(roles.admin, input, request);
    expect(added).toEqual({ slug: 'age-assurance', label: 'Age assurance' });
    await expect(addExpertiseArea(roles.admin, { label: 'age assurance' }, request)).rejects.toBeInstanceOf(UserError);
    const list = await listExpertiseAreas();
    expect(list).toHaveLength(11);
    expect(list.at(-1)!.slug).toBe('age-assurance');
  });
});
