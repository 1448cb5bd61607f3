import { count, eq } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../index';
import { organisations, users } from '../schema';
import type { Role, UserStatus } from '../schema/enums';
import { demoOrganisations, SECRETARIAT } from './organisations';
import { seedOrganisationProfiles, seedPeople } from './people';
import { seedDiscussions } from './discussions';
import { seedResources } from './resources';

/** The password of every demo account (development and demo only: never seeded in production). */
export const DEMO_PASSWORD = 'protect-children-2026';

interface DemoAccount {
  email: string;
  name: string;
  jobTitle: string;
  label: string;
  role: Role;
  status: UserStatus;
  /** Slug of the organisation, or the first organisation of a sector. */
  organisation: string;
  reason?: string;
}

export function demoAccounts(orgs: { slug: string; sector: string }[]): DemoAccount[] {
  const first = (sector: string) => orgs.find((o) => o.sector === sector)!.slug;
  const second = (sector: string) => orgs.filter((o) => o.sector === sector)[1]!.slug;
  return [
    { email: 'admin@secretariat.example', name: 'Amara Okafor', jobTitle: 'Portal administrator', label: 'admin (Secretariat)', role: 'admin', status: 'active', organisation: SECRETARIAT.slug },
    { email: 'moderator@secretariat.example', name: 'Lukas Brandt', jobTitle: 'Community moderator', label: 'moderator (Secretariat)', role: 'moderator', status: 'active', organisation: SECRETARIAT.slug },
    { email: 'government@demo.example', name: 'Sofia Marín', jobTitle: 'Policy adviser, online harms', label: 'member, country government', role: 'member', status: 'active', organisation: first('government') },
    { email: 'justice@demo.example', name: 'Tomás Alves', jobTitle: 'Legal adviser, justice ministry', label: 'member, another country government', role: 'member', status: 'active', organisation: second('government') },
    { email: 'company@demo.example', name: 'Daniel Mensah', jobTitle: 'Trust and safety lead', label: 'member, private sector company', role: 'member', status: 'active', organisation: first('private_sector') },
    { email: 'civil@demo.example', name: 'Priya Raman', jobTitle: 'Hotline manager', label: 'member, civil society organisation', role: 'member', status: 'active', organisation: first('civil_society') },
    { email: 'igo@demo.example', name: 'Jean-Marc Diallo', jobTitle: 'Programme officer', label: 'member, intergovernmental organisation', role: 'member', status: 'active', organisation: first('intergovernmental') },
    { email: 'applicant@demo.example', name: 'Noor Haddad', jobTitle: 'Researcher', label: 'applicant awaiting approval (cannot sign in yet)', role: 'member', status: 'pending', organisation: first('civil_society'), reason: 'I research how young people report online sexual harms and would like to share findings with hotlines and companies.' },
  ];
}

/** Fills an empty database with the demo; returns the demo accounts either way (none when not a demo database). */
export async function seedDemoIfEmpty(db: Db, options: { scale?: number } = {}) {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(organisations);
  const orgs = [SECRETARIAT, ...demoOrganisations(options.scale ?? 1)];
  const accounts = demoAccounts(orgs);
  if (n === 0) {
    await seedDemo(db, orgs, accounts, options.scale ?? 1);
  } else {
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, accounts[0]!.email)).limit(1);
    if (!admin) return null;
  }
  return { password: DEMO_PASSWORD, list: accounts.map(({ email, label }) => ({ email, label })) };
}

async function seedDemo(db: Db, orgs: ReturnType<typeof demoOrganisations>, accounts: DemoAccount[], scale: number) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    const inserted: Parameters<typeof seedPeople>[1] = [];
    for (let i = 0; i < orgs.length; i += 500) {
      const rows = await tx
        .insert(organisations)
        .values(orgs.slice(i, i + 500).map((o) => ({ ...o, isSecretariat: o.isSecretariat ?? false })))
        .returning({ id: organisations.id, slug: organisations.slug, sector: organisations.sector, country: organisations.country, emailDomains: organisations.emailDomains, isSecretariat: organisations.isSecretariat });
      for (const r of rows) ids.set(r.slug, r.id);
      inserted.push(...rows);
    }
    await seedOrganisationProfiles(tx, inserted);
    await tx.insert(users).values(
      accounts.map((a) => ({
        email: a.email,
        name: a.name,
        jobTitle: a.jobTitle,
        passwordHash,
        role: a.role,
        status: a.status,
        organisationId: ids.get(a.organisation)!,
        reason: a.reason ?? 'Demo account.',
        emailVerifiedAt: new Date(),
      })),
    );
    await seedPeople(tx, inserted, passwordHash, scale);
    await seedDiscussions(tx);
    await seedResources(tx);
  });
}
