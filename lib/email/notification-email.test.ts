import { describe, expect, it, vi } from 'vitest';
import { NOTIFICATION_KINDS } from '@/db/schema/notifications';
import { LOCALES } from '@/lib/i18n/locales';
import { excerptOf, renderNotificationEmail } from './notification-email';

const base = {
  timeZone: 'Asia/Tokyo',
  count: 2,
  at: new Date('2026-11-30T15:00:00Z'),
  link: 'https://portal.example/threads/1',
  preferencesLink: 'https://portal.example/settings/notifications',
  unsubscribeLink: 'https://portal.example/unsubscribe?token=t',
};
const open = { title: 'Hotline referrals <b>', space: 'Open room', organisation: 'Example NGO', excerpt: 'A body & more' };

describe('notification emails', () => {
  it('render every kind in every language, open or restricted, with a text part, reason, preferences and unsubscribe links', () => {
    // use-intl logs a message it could not format (a missing variable) instead of throwing.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const locale of LOCALES) {
      for (const kind of NOTIFICATION_KINDS) {
        for (const variant of [open, null]) {
          const email = renderNotificationEmail({ ...base, locale, kind, open: variant });
          expect(email.subject.length).toBeGreaterThan(3);
          for (const link of [base.link, base.preferencesLink, base.unsubscribeLink]) expect(email.text).toContain(link);
          expect(email.html).toContain(`lang="${locale}"`);
          if (!variant) {
            for (const part of [email.subject, email.text, email.html]) {
              expect(part).not.toContain('Hotline referrals');
              expect(part).not.toContain('Open room');
              expect(part).not.toContain('Example NGO');
              expect(part).not.toContain('A body');
            }
          }
        }
      }
    }
    expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([]);
    logged.mockRestore();
  });

  it('escapes titles in HTML, shows the time in the member’s time zone, and cuts excerpts on a word', () => {
    const email = renderNotificationEmail({ ...base, locale: 'en', kind: 'reply', open });
    expect(email.html).toContain('Hotline referrals &lt;b&gt;');
    expect(email.html).not.toContain('<b>');
    expect(email.text).toContain('12:00 AM'); // 15:00 UTC is midnight in Tokyo
    expect(email.text).toContain('> A body & more');
    const long = excerptOf('word '.repeat(200));
    expect(long.length).toBeLessThanOrEqual(281);
    expect(long.endsWith('word…')).toBe(true);
  });
});
