import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser, signedIn } from '@/testing/factories';
import { emailsTo, registerAndGetToken, request } from '@/testing/accounts';
import { requestPasswordReset, verifyEmail } from '@/lib/dal/accounts/accounts';
import { approveApplication, rejectApplication } from '@/lib/dal/console/applications';
import { messagesFor } from '@/lib/i18n/messages';
import { renderEmail, TEMPLATES } from './templates';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

/** Every email is written in its recipient's language, never the language of whoever caused it. */
const subject = (locale: 'en' | 'fr' | 'es' | 'pt' | 'ar', template: (typeof TEMPLATES)[number]) => messagesFor(locale).email[template].subject;

let frenchAdmin: Awaited<ReturnType<typeof signedIn>>;
let spanishAdmin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  frenchAdmin = await signedIn({ role: 'admin', locale: 'fr' });
  spanishAdmin = await createUser({ role: 'admin', locale: 'es' });
});

describe('emails in the recipient’s language', () => {
  it('an Arabic applicant is asked to confirm in Arabic; each admin hears of the application in theirs; the decision reaches the applicant in Arabic', async () => {
    const { input, token, user } = await registerAndGetToken({ locale: 'ar' });
    const [confirm] = await emailsTo(input.email);
    expect(confirm!.subject).toBe(subject('ar', 'verifyEmail'));
    expect(confirm!.html).toMatch(/<html lang="ar" dir="rtl">/);

    await verifyEmail(token, request);
    expect((await emailsTo(frenchAdmin.email)).map((m) => m.subject)).toContain(subject('fr', 'newApplication'));
    expect((await emailsTo(spanishAdmin.email)).map((m) => m.subject)).toContain(subject('es', 'newApplication'));

    await approveApplication(frenchAdmin, user.id, request);
    const decision = (await emailsTo(input.email)).at(-1)!;
    expect(decision.subject).toBe(subject('ar', 'applicationApproved'));
    expect(decision.subject).not.toBe(subject('fr', 'applicationApproved'));
  });

  it('a rejection and a password reset go out in the recipient’s language', async () => {
    const { input, token, user } = await registerAndGetToken({ locale: 'pt' });
    await verifyEmail(token, request);
    await rejectApplication(frenchAdmin, user.id, 'Não é uma organização-membro.', request);
    expect((await emailsTo(input.email)).at(-1)!.subject).toBe(subject('pt', 'applicationRejected'));

    const member = await createUser({ locale: 'es' });
    await requestPasswordReset(member.email, request);
    expect((await emailsTo(member.email)).at(-1)!.subject).toBe(subject('es', 'resetPassword'));
  });

  it('every template renders in every language, and an unknown locale falls back to English', () => {
    // Every placeholder any template has: a missing one would make next-intl log and fall back to the key.
    const values = { reason: 'a reason', date: '1 March 2027', days: '14', inviter: 'Grace Wanjiru', organisation: 'Hotline Network', kept: 'yes' };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const locale of ['en', 'fr', 'es', 'pt', 'ar'] as const) {
        for (const template of TEMPLATES) {
          const email = renderEmail(template, locale, 'https://portal.example/x', values);
          expect(email.subject).toBe(subject(locale, template));
          expect(email.text).toContain('https://portal.example/x');
          expect(email.text, `${locale} ${template}`).not.toContain(`${template}.body`);
        }
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect(renderEmail('verifyEmail', 'xx', 'https://portal.example/x').subject).toBe(subject('en', 'verifyEmail'));
  });
});
