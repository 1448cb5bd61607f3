import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { organisations, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { email, newPassword } from '@/lib/validation/fields';
import { singleLine } from '@/lib/validation/text';

/**
 * The first admin of a production portal (`npm run admin:create`, scripts/admin-create.ts): no demo
 * data, no published password. Run by whoever operates the server, so no viewer: the account is made
 * active with role admin in the Secretariat organisation (created on first use), and audited. The
 * password follows the registration rule; the second factor is asked at the first sign-in.
 */
export const createAdminSchema = z.object({
  email,
  name: singleLine(120, 2),
  password: newPassword,
  organisation: singleLine(200, 2).default('Secretariat'),
});
export type CreateAdminInput = z.input<typeof createAdminSchema>;

export class AdminCreateRefused extends Error {}

export async function createAdmin(input: CreateAdminInput): Promise<{ id: string; organisationId: string }> {
  const parsed = createAdminSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AdminCreateRefused(
      `${issue.path.join('.')} is not accepted (${issue.message === 'passwordTooShort' ? 'at least 12 characters' : issue.message})`,
    );
  }
  const { email: address, name, password, organisation } = parsed.data;
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, address)).limit(1);
    if (existing) throw new AdminCreateRefused('an account with this email already exists (change its role from /admin/users instead)');
    let [secretariat] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.isSecretariat, true)).limit(1);
    if (!secretariat) {
      [secretariat] = await tx
        .insert(organisations)
        .values({
          slug: 'secretariat',
          name: organisation,
          sector: 'intergovernmental',
          country: null,
          isSecretariat: true,
          emailDomains: [address.split('@')[1]!],
        })
        .returning({ id: organisations.id });
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: address,
        name,
        jobTitle: 'Secretariat',
        passwordHash,
        role: 'admin',
        status: 'active',
        organisationId: secretariat!.id,
        reason: 'Created with npm run admin:create.',
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id });
    await audit({ action: 'user.admin_created', targetType: 'user', targetId: user!.id, details: { via: 'admin:create' } }, tx);
    return { id: user!.id, organisationId: secretariat!.id };
  });
}
