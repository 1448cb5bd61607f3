import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb } from '@/db';
import { outbox, users } from '@/db/schema';
import { createOrganisation } from '@/testing/factories';
import { registerSchema } from '@/lib/validation/auth';
import { registerApplicant } from '@/lib/dal/accounts/accounts';
import { openEmail } from '@/lib/email/sealed';

/** Shared by the account tests (accounts.test.ts, passwords.test.ts): registrations and the emails they queue. */
export const request = { ip: '198.51.100.23', userAgent: 'vitest' };
export const NEW_PASSWORD = 'a brand new passphrase 42';
let counter = 0;
const freshEmail = () => `applicant-${Date.now()}-${++counter}@example.net`;

export function registration(over: Record<string, unknown> = {}) {
  return registerSchema.parse({
    name: 'Ada Applicant',
    email: freshEmail(),
    password: 'a long enough password',
    jobTitle: 'Researcher',
    organisationChoice: 'existing',
    reason: 'I work on protecting people at risk.',
    acceptGuidelines: 'on',
    locale: 'en',
    timeZone: 'Europe/Paris',
    ...over,
  });
}

/** The emails queued for `to`, opened (bodies are sealed at rest, lib/email/sealed.ts). */
export const emailsTo = async (to: string) => (await getDb().select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.id)).map(openEmail);
export const userByEmail = async (email: string) => (await getDb().select().from(users).where(eq(users.email, email)))[0];

/** The one link in a queued email's text. */
export function linkIn(text: string): URL {
  const found = text.match(/https?:\/\/\S+/g) ?? [];
  expect(found).toHaveLength(1);
  return new URL(found[0]!);
}

export async function registerAndGetToken(over: Record<string, unknown> = {}) {
  const org = await createOrganisation();
  const input = registration({ organisationId: org.id, ...over });
  await registerApplicant(input, request);
  const [mail] = await emailsTo(input.email);
  const token = linkIn(mail!.text).searchParams.get('token')!;
  return { input, token, user: (await userByEmail(input.email))! };
}
