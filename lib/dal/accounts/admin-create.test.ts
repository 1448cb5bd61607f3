import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, organisations, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { seedDemoIfEmpty } from '@/seed';
import { AdminCreateRefused, createAdmin } from './admin-create';

describe('npm run admin:create', () => {
  it('creates an active admin in a new Secretariat organisation, audited, with the password hashed', async () => {
    const { id, organisationId } = await createAdmin({
      email: ' First.Admin@Secretariat.example.org ',
      name: 'First Admin',
      password: 'a strong first passphrase',
    });
    const [user] = await getDb().select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({ email: 'first.admin@secretariat.example.org', role: 'admin', status: 'active', organisationId });
    expect(await verifyPassword(user!.passwordHash, 'a strong first passphrase')).toBe(true);
    const [org] = await getDb().select().from(organisations).where(eq(organisations.id, organisationId));
    expect(org).toMatchObject({ isSecretariat: true, name: 'Secretariat' });
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(entry).toMatchObject({ action: 'user.admin_created', actorId: null, targetType: 'user' });

    // A second admin joins the same Secretariat.
    const second = await createAdmin({ email: 'second@secretariat.example.org', name: 'Second Admin', password: 'another strong passphrase' });
    expect(second.organisationId).toBe(organisationId);
  });

  it('refuses a weak password the way registration does, and an email already taken', async () => {
    await expect(createAdmin({ email: 'weak@example.org', name: 'Weak', password: 'short' })).rejects.toThrow(AdminCreateRefused);
    await expect(createAdmin({ email: 'weak@example.org', name: 'Weak', password: ' '.repeat(20) })).rejects.toThrow(/password/);
    await expect(createAdmin({ email: 'not an email', name: 'Bad', password: 'a strong passphrase here' })).rejects.toThrow(/email/);
    expect(await getDb().select().from(users).where(eq(users.email, 'weak@example.org'))).toHaveLength(0);
    await createAdmin({ email: 'taken@example.org', name: 'Taken', password: 'a strong passphrase here' });
    await expect(createAdmin({ email: 'taken@example.org', name: 'Taken', password: 'a strong passphrase here' })).rejects.toThrow(/already exists/);
  });
});

describe('npm run db:seed', () => {
  it('refuses production: the demo password never reaches it', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await expect(seedDemoIfEmpty(getDb())).rejects.toThrow(/production/);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await getDb().select().from(users).where(eq(users.email, 'admin@secretariat.example'))).toHaveLength(0);
  });
});
