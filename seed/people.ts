import { Faker, en } from '@faker-js/faker';
import { eq } from 'drizzle-orm';
import { cookMarkdown } from '@/lib/markdown';
import { regionOf, type Region } from '@/lib/i18n/regions';
import type { Tx } from '@/db/index';
import { organisations, users } from '@/db/schema';
import type { Sector } from '@/db/schema/enums';

/**
 * Demo people (about 1,500 per scale step, about 5–6 per organisation) with realistic titles, expertise
 * and languages, and descriptions for the organisations. Deterministic: a fixed faker seed. Everyone
 * shares the demo password, hashed once by the caller.
 */
export const PEOPLE_PER_SCALE = 1500;

const TITLES: Record<Sector, string[]> = {
  government: [
    'Policy adviser, online harms',
    'Head of child protection policy',
    'Senior investigator, online child exploitation unit',
    'Prosecutor, cybercrime division',
    'Legislative counsel',
    'Deputy director, digital safety',
    'Victim identification specialist',
    'Programme manager, prevention',
    'International cooperation officer',
    'Analyst, national referral centre',
  ],
  private_sector: [
    'Trust and safety lead',
    'Head of child safety',
    'Content policy manager',
    'Machine learning engineer, safety',
    'Law enforcement response manager',
    'Product counsel',
    'Integrity operations analyst',
    'Director of public policy',
    'Safety by design lead',
    'Financial crime investigator',
  ],
  civil_society: [
    'Hotline manager',
    'Survivor support coordinator',
    'Programme director',
    'Researcher',
    'Prevention educator',
    'Youth participation officer',
    'Helpline supervisor',
    'Advocacy lead',
    'Executive director',
    'Data analyst',
  ],
  intergovernmental: [
    'Programme officer',
    'Legal officer',
    'Policy specialist, child rights',
    'Regional coordinator',
    'Senior adviser',
    'Capacity building officer',
    'Research officer',
    'Liaison officer',
  ],
};

const EXPERTISE: Record<Sector, string[]> = {
  government: ['law-enforcement', 'policy-legislation', 'victim-support', 'prevention-education', 'research-data'],
  private_sector: ['detection-technology', 'trust-safety', 'policy-legislation', 'financial-sector', 'research-data'],
  civil_society: ['hotlines-reporting', 'victim-support', 'prevention-education', 'child-participation', 'research-data', 'policy-legislation'],
  intergovernmental: ['policy-legislation', 'law-enforcement', 'research-data', 'child-participation', 'prevention-education'],
};

/** Languages people in a region commonly speak beside English. */
const REGION_LANGUAGES: Record<Region | 'none', string[]> = {
  africa: ['fr', 'sw', 'ar', 'pt', 'ha', 'yo', 'zu'],
  asia: ['zh', 'ja', 'ko', 'hi', 'id', 'th', 'vi', 'ar', 'ms', 'bn', 'ur', 'fil', 'tr'],
  europe: ['fr', 'de', 'es', 'it', 'nl', 'pl', 'pt', 'sv', 'ro', 'el', 'uk', 'ru', 'fi', 'hu'],
  north_america: ['es', 'fr'],
  south_america: ['es', 'pt'],
  oceania: ['fr'],
  antarctica: [],
  none: ['fr', 'es', 'ar', 'ru', 'zh'],
};

const DESCRIPTIONS: Record<Sector, string[]> = {
  government: [
    'The national authority responsible for protecting children from sexual exploitation and abuse online. We coordinate law enforcement, prevention and victim support across ministries.',
    'Our ministry leads the national strategy against online child sexual exploitation, working with industry and civil society on **prevention**, **reporting** and **survivor support**.',
  ],
  private_sector: [
    'We build services used by millions of people. Our trust and safety teams detect, remove and report child sexual abuse material, and we share signals with industry partners.',
    'A technology company committed to **safety by design**: we invest in detection tools, fast reporting to authorities and transparency about our work.',
  ],
  civil_society: [
    'An independent organisation that runs a reporting hotline and supports survivors. We train professionals and young people and publish research on online harms.',
    'We work with children, families and schools on **prevention and education**, and advocate for laws that put children’s safety first.',
  ],
  intergovernmental: [
    'An intergovernmental body that helps its member states cooperate on investigations, legislation and capacity building against online child sexual exploitation.',
  ],
};

export interface SeedOrganisation {
  id: string;
  sector: Sector;
  country: string | null;
  emailDomains: string[];
  isSecretariat?: boolean;
}

/** Writes descriptions (cooked) and "member since" dates on the demo organisations. */
export async function seedOrganisationProfiles(tx: Tx, orgs: SeedOrganisation[]): Promise<void> {
  const faker = new Faker({ locale: [en], seed: 4606 });
  const cooked = new Map<string, string>();
  for (const org of orgs) {
    if (org.isSecretariat) continue;
    const description = faker.helpers.arrayElement(DESCRIPTIONS[org.sector]);
    if (!cooked.has(description)) cooked.set(description, await cookMarkdown(description));
    const createdAt = faker.date.between({ from: '2015-01-01T00:00:00Z', to: '2024-06-30T00:00:00Z' });
    await tx
      .update(organisations)
      .set({ description, descriptionHtml: cooked.get(description)!, createdAt })
      .where(eq(organisations.id, org.id));
  }
}

/** About PEOPLE_PER_SCALE × scale active members spread over the organisations (the Secretariat aside). */
export async function seedPeople(tx: Tx, orgs: SeedOrganisation[], passwordHash: string, scale = 1): Promise<number> {
  const faker = new Faker({ locale: [en], seed: 1500 });
  // A separate generator for interface languages, so the people themselves stay as they were.
  const interfaceFaker = new Faker({ locale: [en], seed: 1513 });
  const members = orgs.filter((o) => !o.isSecretariat);
  const total = PEOPLE_PER_SCALE * scale;
  const bios = new Map<string, string>();
  const rows: (typeof users.$inferInsert)[] = [];
  for (let i = 0; i < total; i++) {
    const org = members[i % members.length]!;
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const title = faker.helpers.arrayElement(TITLES[org.sector]);
    const expertise = faker.helpers.arrayElements(EXPERTISE[org.sector], { min: 1, max: 3 });
    const local = REGION_LANGUAGES[regionOf(org.country) ?? 'none'];
    const languages = ['en', ...(local.length ? faker.helpers.arrayElements(local, { min: 0, max: 2 }) : [])];
    // About half of those who speak one of the portal's other languages read it in that language.
    const portalLanguage = languages.find((l) => ['fr', 'es', 'pt', 'ar'].includes(l));
    const locale = portalLanguage && interfaceFaker.datatype.boolean() ? portalLanguage : 'en';
    const bio = `${title} at my organisation. I work on ${expertise.length} area${expertise.length === 1 ? '' : 's'} of child online safety and am happy to share *what has worked* for us.`;
    if (!bios.has(bio)) bios.set(bio, await cookMarkdown(bio));
    const domain = org.emailDomains[0] ?? 'demo.example';
    rows.push({
      email: `${`${first}.${last}`
        .normalize('NFKD')
        .replace(/[^A-Za-z.]/g, '')
        .toLowerCase()}.${i}@${domain}`,
      name: `${first} ${last}`,
      jobTitle: title,
      passwordHash,
      role: 'member',
      status: 'active',
      locale,
      isFocalPoint: i < members.length, // the first person of each organisation speaks for it
      organisationId: org.id,
      reason: 'Demo account.',
      emailVerifiedAt: new Date(),
      pronouns: faker.helpers.maybe(() => faker.helpers.arrayElement(['she/her', 'he/him', 'they/them']), { probability: 0.3 }) ?? null,
      bio,
      bioHtml: bios.get(bio)!,
      phone: faker.helpers.maybe(() => faker.phone.number({ style: 'international' }), { probability: 0.5 }) ?? null,
      languages: [...new Set(languages)],
      expertise,
      listed: faker.datatype.boolean({ probability: 0.93 }),
      showEmail: faker.datatype.boolean({ probability: 0.45 }),
      showPhone: faker.datatype.boolean({ probability: 0.2 }),
      createdAt: faker.date.between({ from: '2023-01-01T00:00:00Z', to: '2026-06-30T00:00:00Z' }),
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(users).values(rows.slice(i, i + 1000));
  return rows.length;
}
