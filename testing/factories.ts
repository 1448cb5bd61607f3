import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { organisations, users } from '@/db/schema';
import type { Role, Sector, UserStatus } from '@/db/schema/enums';
import { createSession, viewerForSession, type Viewer } from '@/lib/auth/sessions';
import { currentGuidelinesVersion } from '@/lib/dal/guidelines/guidelines';

/**
 * Test data builders for the database of the current test file. Passwords are pre-hashed once
 * (argon2 is slow on purpose); the plain text is TEST_PASSWORD.
 */
export const TEST_PASSWORD = 'correct horse battery staple';
let hashed: Promise<string> | undefined;
async function testHash() {
  const { hashPassword } = await import('@/lib/auth/password');
  hashed ??= hashPassword(TEST_PASSWORD);
  return hashed;
}

const uid = () => randomBytes(4).toString('hex');

export async function createOrganisation(over: Partial<typeof organisations.$inferInsert> = {}) {
  const id = uid();
  const [org] = await getDb()
    .insert(organisations)
    .values({ slug: `org-${id}`, name: `Organisation ${id}`, sector: 'civil_society', country: 'GB', emailDomains: [`org-${id}.example`], ...over })
    .returning();
  return org!;
}

export async function createUser(over: Partial<typeof users.$inferInsert> & { sector?: Sector; role?: Role; status?: UserStatus } = {}) {
  const { sector, ...rest } = over;
  const organisationId = rest.organisationId ?? (await createOrganisation({ sector: sector ?? 'civil_society' })).id;
  const id = uid();
  const [user] = await getDb()
    .insert(users)
    .values({
      email: `person-${id}@example.org`,
      name: `Person ${id}`,
      jobTitle: 'Analyst',
      passwordHash: await testHash(),
      status: 'active',
      role: 'member',
      reason: 'Testing the portal.',
      guidelinesVersion: currentGuidelinesVersion,
      ...rest,
      organisationId,
    })
    .returning();
  return user!;
}

/** A signed-in viewer (a real session row) for a new or given user. */
export async function signedIn(userOrOptions: Parameters<typeof createUser>[0] | { id: string } = {}): Promise<Viewer & { rawSessionId: string }> {
  const user = 'id' in userOrOptions && userOrOptions.id ? userOrOptions : await createUser(userOrOptions as Parameters<typeof createUser>[0]);
  const raw = await createSession(user.id!, { ip: '203.0.113.7', userAgent: 'vitest' });
  const viewer = await viewerForSession(raw);
  if (!viewer) throw new Error('factory: session did not validate (is the user active?)');
  return { ...viewer, rawSessionId: raw };
}

/** One viewer of every role, for "each other role is refused" tests. */
export async function everyRole() {
  return {
    member: await signedIn({ role: 'member' }),
    focalPoint: await signedIn({ role: 'member', isFocalPoint: true }),
    moderator: await signedIn({ role: 'moderator' }),
    admin: await signedIn({ role: 'admin' }),
  };
}

export async function userById(id: string) {
  const [u] = await getDb().select().from(users).where(eq(users.id, id));
  return u;
}
