import { createHash } from 'node:crypto';
import { Faker, en } from '@faker-js/faker';
import { eq, sql } from 'drizzle-orm';
import { cookMarkdown, markdownToPlainText } from '@/lib/markdown';
import type { Tx } from '@/db/index';
import { organisations, postRevisions, posts, spaceFollows, spaceMembers, spaces, threadFollows, threadReads, threads, users } from '@/db/schema';
import type { Sector, SpaceAccessKind } from '@/db/schema';
import { LANGUAGE_THREADS } from './languages';
import { THREADS } from './threads';

/**
 * Demo discussions: the alliance's spaces and a few calm, professional threads by demo people, in the
 * five languages (./languages.ts for French, Spanish, Portuguese and Arabic). Never any identifying or explicit detail. Deterministic (a fixed faker seed picks the repliers).
 */
interface DemoSpace {
  slug: string;
  name: string;
  description: string;
  access: SpaceAccessKind;
  sectors?: Sector[];
}

const SPACES: DemoSpace[] = [
  {
    slug: 'general-discussion',
    name: 'General discussion',
    access: 'open',
    description: 'Questions, news and introductions for every member of the alliance.',
  },
  {
    slug: 'emerging-threats',
    name: 'Emerging threats',
    access: 'open',
    description:
      'New and changing threats: AI-generated child sexual abuse material, financial sexual extortion, and what members are seeing and doing about them.',
  },
  {
    slug: 'government-reference-group',
    name: 'Government reference group',
    access: 'sector',
    sectors: ['government'],
    description: 'For country governments: preparing reference group meetings and sharing national experience.',
  },
  {
    slug: 'private-sector-reference-group',
    name: 'Private sector reference group',
    access: 'sector',
    sectors: ['private_sector'],
    description: 'For companies: safety by design, transparency reporting and cooperation with hotlines and law enforcement.',
  },
  {
    slug: 'civil-society-reference-group',
    name: 'Civil society reference group',
    access: 'sector',
    sectors: ['civil_society'],
    description: 'For civil society organisations: hotlines, helplines, survivor support, research and campaigns.',
  },
  {
    slug: 'model-national-response-working-group',
    name: 'Model National Response working group',
    access: 'request',
    description:
      'A working group updating guidance on the Model National Response and its Maturity Model. Ask to join if you would like to contribute.',
  },
  {
    slug: 'research-and-data',
    name: 'Research and data',
    access: 'open',
    description: 'Methods, datasets and findings: threat assessments, surveys and evaluation.',
  },
];

const hash = (s: string) => createHash('sha256').update(s.trim().replace(/\s+/g, ' ').toLowerCase()).digest('hex');

export async function seedDiscussions(tx: Tx): Promise<void> {
  const faker = new Faker({ locale: [en] });
  faker.seed(4040);
  const people = await tx
    .select({ id: users.id, email: users.email, sector: organisations.sector, secretariat: organisations.isSecretariat })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.status, 'active'))
    .orderBy(users.email)
    .limit(2000);
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const ofSector = (sector: Sector) => people.filter((p) => p.sector === sector && !p.secretariat);
  const pick = <T>(list: T[]): T | undefined => (list.length ? list[faker.number.int({ max: list.length - 1 })] : undefined);

  const spaceRows = await tx
    .insert(spaces)
    .values(SPACES.map((s, i) => ({ ...s, sectors: s.sectors ?? [], position: i * 10 })))
    .returning({ id: spaces.id, slug: spaces.slug, access: spaces.access, sectors: spaces.sectors });
  const spaceBySlug = new Map(spaceRows.map((s) => [s.slug, s]));

  // The working group: the government and intergovernmental demo members (the latter manages it).
  const wg = spaceBySlug.get('model-national-response-working-group')!;
  const wgMembers = [byEmail.get('government@demo.example'), byEmail.get('igo@demo.example'), ...ofSector('government').slice(0, 3)].filter(
    (p): p is NonNullable<typeof p> => !!p,
  );
  await tx
    .insert(spaceMembers)
    .values(wgMembers.map((p) => ({ spaceId: wg.id, userId: p.id, isManager: p.email === 'igo@demo.example' })))
    .onConflictDoNothing();

  const canSee = (p: (typeof people)[number], space: (typeof spaceRows)[number]) =>
    space.access === 'open' ||
    (space.access === 'sector' && space.sectors.includes(p.sector)) ||
    (space.access === 'request' && wgMembers.some((m) => m.id === p.id));

  for (const demo of [...THREADS, ...LANGUAGE_THREADS]) {
    const space = spaceBySlug.get(demo.space)!;
    const audience = people.filter((p) => !p.secretariat && canSee(p, space));
    const author = byEmail.get(demo.by) ?? pick(audience.filter((p) => p.sector === demo.by));
    if (!author) continue;
    const started = new Date(Date.now() - demo.hoursAgo * 3_600_000);
    const bodies = [demo.body, ...demo.replies];
    const others = audience.filter((p) => p.id !== author.id);
    const authors = [author, ...demo.replies.map(() => pick(others) ?? author)];
    const times = bodies.map((_, i) => new Date(started.getTime() + i * 47 * 60_000));
    const [thread] = await tx
      .insert(threads)
      .values({
        spaceId: space.id,
        authorId: author.id,
        title: demo.title,
        language: demo.language ?? 'en',
        isPinned: demo.pinned ?? false,
        isUrgent: !!demo.urgent,
        urgentReason: demo.urgent ?? null,
        urgentAt: demo.urgent ? started : null,
        postCount: bodies.length,
        lastPostAt: times.at(-1)!,
        lastPosterId: authors.at(-1)!.id,
        createdAt: started,
      })
      .returning({ id: threads.id });
    const rows = [];
    for (let i = 0; i < bodies.length; i++) {
      const cooked = await cookMarkdown(bodies[i]!);
      rows.push({
        threadId: thread!.id,
        number: i + 1,
        authorId: authors[i]!.id,
        body: bodies[i]!,
        cooked,
        plainText: markdownToPlainText(cooked),
        bodyHash: hash(bodies[i]!),
        createdAt: times[i]!,
      });
    }
    const [first] = await tx.insert(posts).values(rows).returning({ id: posts.id });
    if (demo.firstVersion) {
      const cooked = await cookMarkdown(demo.firstVersion);
      await tx.insert(postRevisions).values({ postId: first!.id, body: demo.firstVersion, cooked, writtenAt: started, replacedAt: times[0]! });
      await tx
        .update(posts)
        .set({ editedAt: new Date(started.getTime() + 20 * 60_000) })
        .where(eq(posts.id, first!.id));
    }
    const posters = [...new Set(authors.map((a) => a.id))];
    await tx
      .insert(threadFollows)
      .values(posters.map((userId) => ({ userId, threadId: thread!.id })))
      .onConflictDoNothing();
    await tx
      .insert(threadReads)
      .values(posters.map((userId) => ({ userId, threadId: thread!.id, lastReadNumber: bodies.length })))
      .onConflictDoNothing();
    await tx
      .update(spaces)
      .set({
        threadCount: sql`${spaces.threadCount} + 1`,
        lastActivityAt: sql`greatest(${spaces.lastActivityAt}, ${times.at(-1)!.toISOString()}::timestamptz)`,
      })
      .where(eq(spaces.id, space.id));
  }

  // The civil society demo member follows Emerging threats (new threads there notify them).
  const civil = byEmail.get('civil@demo.example');
  const emerging = spaceBySlug.get('emerging-threats')!;
  if (civil) await tx.insert(spaceFollows).values({ userId: civil.id, spaceId: emerging.id }).onConflictDoNothing();
}
