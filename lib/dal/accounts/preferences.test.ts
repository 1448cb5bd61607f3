import { describe, expect, it } from 'vitest';
import { signedIn, userById } from '@/testing/factories';
import { preferencesSchema } from '@/lib/validation/preferences';
import { updateOwnPreferences } from './preferences';

describe('preferences', () => {
  it('change only the viewer’s own language and time zone', async () => {
    const viewer = await signedIn();
    const other = await signedIn();
    await updateOwnPreferences(viewer, { locale: 'en', timeZone: 'Asia/Manila' });
    expect((await userById(viewer.id))?.timeZone).toBe('Asia/Manila');
    expect((await userById(other.id))?.timeZone).toBe('UTC');
  });

  it('accept only known locales and real time zones', () => {
    expect(preferencesSchema.safeParse({ locale: 'en', timeZone: 'Africa/Nairobi' }).success).toBe(true);
    expect(preferencesSchema.safeParse({ locale: 'xx', timeZone: 'Africa/Nairobi' }).success).toBe(false);
    expect(preferencesSchema.safeParse({ locale: 'en', timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(preferencesSchema.safeParse({ locale: 'en', timeZone: 'x'.repeat(200) }).success).toBe(false);
  });
});
