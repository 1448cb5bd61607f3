import { count, eq, ne, or, sql } from 'drizzle-orm';
import { encryptSecret } from '@/lib/auth/crypto';
import { hashPassword } from '@/lib/auth/password';
import { demoTotpSecret } from '@/lib/auth/totp';
import type { Db } from '@/db/index';
import { organisations, portalSettings, secondFactors, users } from '@/db/schema';
import type { Role, UserStatus } from '@/db/schema/enums';
import { demoOrganisations, SECRETARIAT } from './organisations';
import { seedOrganisationProfiles, seedPeople } from './people';
import { seedDiscussions } from './discussions';
import { seedResources } from './resources';
import { seedMessages } from './messages';
import { seedLogos } from './logos';
import { LANGUAGE_ACCOUNTS } from './languages';
import { currentGuidelinesVersion } from '@/lib/dal/guidelines/guidelines';

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
  locale?: string;
  timeZone?: string;
  isFocalPoint?: boolean;
  /** Staff get an authenticator app (a secret derived from the email, printed with the accounts) unless this says otherwise. */
  noSecondFactor?: boolean;
}

export function demoAccounts(orgs: { slug: string; sector: string; country: string | null }[]): DemoAccount[] {
  const first = (sector: string) => orgs.find((o) => o.sector === sector)!.slug;
  const inCountry = (sector: string, country: string) => orgs.find((o) => o.sector === sector && o.country === country)?.slug ?? first(sector);
  const second = (sector: string) => orgs.filter((o) => o.sector === sector)[1]!.slug;
  return [
    {
      email: 'admin@secretariat.example',
      name: 'Amara Okafor',
      jobTitle: 'Portal administrator',
      label: 'admin (Secretariat)',
      role: 'admin',
      status: 'active',
      organisation: SECRETARIAT.slug,
    },
    {
      email: 'moderator@secretariat.example',
      name: 'Lukas Brandt',
      jobTitle: 'Community moderator',
      label: 'moderator (Secretariat)',
      role: 'moderator',
      status: 'active',
      organisation: SECRETARIAT.slug,
    },
    {
      email: 'government@demo.example',
      name: 'Sofia Marín',
      jobTitle: 'Policy adviser, online harms',
      label: 'member, country government',
      role: 'member',
      status: 'active',
      organisation: first('government'),
    },
    {
      email: 'justice@demo.example',
      name: 'Tomás Alves',
      jobTitle: 'Legal adviser, justice ministry',
      label: 'member, another country government',
      role: 'member',
      status: 'active',
      organisation: second('government'),
    },
    {
      email: 'company@demo.example',
      name: 'Daniel Mensah',
      jobTitle: 'Trust and safety lead',
      label: 'member, private sector company',
      role: 'member',
      status: 'active',
      organisation: first('private_sector'),
    },
    {
      email: 'civil@demo.example',
      name: 'Priya Raman',
      jobTitle: 'Hotline manager',
      label: 'member, civil society organisation',
      role: 'member',
      status: 'active',
      organisation: first('civil_society'),
    },
    {
      email: 'focal@demo.example',
      name: 'Grace Wanjiru',
      jobTitle: 'Head of partnerships',
      label: 'focal point of a civil society organisation (endorses, invites, removes its people)',
      role: 'member',
      status: 'active',
      organisation: second('civil_society'),
      isFocalPoint: true,
    },
    {
      email: 'igo@demo.example',
      name: 'Jean-Marc Diallo',
      jobTitle: 'Programme officer',
      label: 'member, intergovernmental organisation',
      role: 'member',
      status: 'active',
      organisation: first('intergovernmental'),
    },
    // Two members for the moderation journey (e2e/moderation-safety.spec.ts): one reports, the other is reported, warned and suspended.
    {
      email: 'reporter@demo.example',
      name: 'Mei Tanaka',
      jobTitle: 'Safety researcher',
      label: 'member who reports a thread, a profile and an organisation',
      role: 'member',
      status: 'active',
      organisation: first('private_sector'),
    },
    {
      email: 'reported@demo.example',
      name: 'Oskar Lindqvist',
      jobTitle: 'Community manager',
      label: 'member whose profile is reported, then warned and suspended for a few days',
      role: 'member',
      status: 'active',
      organisation: second('private_sector'),
    },
    // Members who read the portal in French, Spanish, Portuguese and Arabic (./languages.ts).
    ...LANGUAGE_ACCOUNTS.map(({ sector, country, ...a }) => ({
      ...a,
      role: 'member' as const,
      status: 'active' as const,
      organisation: inCountry(sector, country),
    })),
    {
      email: 'claire.dubois@secretariat.example',
      name: 'Claire Dubois',
      jobTitle: 'Modératrice de la communauté',
      label: 'moderator (Secretariat), reads the portal in French',
      role: 'moderator',
      status: 'active',
      organisation: SECRETARIAT.slug,
      locale: 'fr',
      timeZone: 'Europe/Paris',
    },
    {
      email: 'hala.mansour@secretariat.example',
      name: 'Hala Mansour',
      jobTitle: 'مسؤولة البوابة',
      label: 'admin (Secretariat), reads the portal in Arabic',
      role: 'admin',
      status: 'active',
      organisation: SECRETARIAT.slug,
      locale: 'ar',
      timeZone: 'Asia/Beirut',
    },
    {
      email: 'new.moderator@secretariat.example',
      name: 'Ines Varga',
      jobTitle: 'Community moderator',
      label: 'moderator without a second factor yet (sets one up at sign-in)',
      role: 'moderator',
      status: 'active',
      organisation: SECRETARIAT.slug,
      noSecondFactor: true,
    },
    {
      email: 'applicant@demo.example',
      name: 'Noor Haddad',
      jobTitle: 'Researcher',
      label: 'applicant awaiting approval (cannot sign in yet)',
      role: 'member',
      status: 'pending',
      organisation: first('civil_society'),
      reason: 'I research how young people report online sexual harms and would like to share findings with hotlines and companies.',
    },
  ];
}

/** Fills an empty database with the demo; returns the demo accounts either way (none when not a demo database). */
export async function seedDemoIfEmpty(db: Db, options: { scale?: number } = {}) {
  // The demo accounts share a published password: never in production, whoever calls this.
  if (process.env.NODE_ENV === 'production') throw new Error('the demo is never seeded with NODE_ENV=production');
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(organisations);
  const orgs = [SECRETARIAT, ...demoOrganisations(options.scale ?? 1)];
  const accounts = demoAccounts(orgs);
  if (n === 0) {
    await seedDemo(db, orgs, accounts, options.scale ?? 1);
  } else {
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, accounts[0]!.email)).limit(1);
    if (!admin) return null;
  }
  return {
    password: DEMO_PASSWORD,
    list: accounts.map(({ email, label, role, isFocalPoint, noSecondFactor }) => ({
      email,
      label,
      totpSecret: (role !== 'member' || isFocalPoint) && !noSecondFactor ? demoTotpSecret(email) : undefined,
    })),
  };
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
        .returning({
          id: organisations.id,
          slug: organisations.slug,
          sector: organisations.sector,
          country: organisations.country,
          emailDomains: organisations.emailDomains,
          isSecretariat: organisations.isSecretariat,
        });
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
        locale: a.locale ?? 'en',
        timeZone: a.timeZone ?? 'UTC',
        isFocalPoint: a.isFocalPoint ?? false,
        emailVerifiedAt: new Date(),
      })),
    );
    await seedPeople(tx, inserted, passwordHash, scale);
    // Every demo account has accepted the guidelines in force (decision 019), so no journey is stopped at /guidelines/accept.
    await tx.update(users).set({ guidelinesVersion: currentGuidelinesVersion, guidelinesAcceptedAt: new Date() });
    // One organisation's yearly re-verification falls due in 20 days, so its round is open in the demo (decision 019).
    await tx
      .update(organisations)
      .set({ reverificationDueOn: sql`(current_date + 20)::date` })
      .where(eq(organisations.slug, 'government-of-jordan'));
    // Staff must have a second factor: each gets an authenticator app whose secret comes from the email (demoTotpSecret).
    const without = new Set(accounts.filter((a) => a.noSecondFactor).map((a) => a.email));
    const staff = (
      await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(or(ne(users.role, 'member'), eq(users.isFocalPoint, true)))
    ).filter((u) => !without.has(u.email));
    for (let i = 0; i < staff.length; i += 500) {
      await tx.insert(secondFactors).values(
        staff.slice(i, i + 500).map((u) => ({
          userId: u.id,
          kind: 'totp' as const,
          name: 'Demo authenticator',
          totpSecret: encryptSecret(demoTotpSecret(u.email)),
        })),
      );
    }
    await seedDiscussions(tx);
    await seedResources(tx);
    await seedMessages(tx);
    await seedLogos(tx);
    // Every demo organisation has a generated focal point who never signs in: applications would wait
    // a week for them. The demo lets admins decide at once; focal points' endorsements still show (decision 018).
    await tx.insert(portalSettings).values({ key: 'endorsement_wait_days', value: 0 }).onConflictDoNothing();
  });
}
