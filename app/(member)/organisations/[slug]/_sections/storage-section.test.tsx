import { createFormatter, createTranslator } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createOrganisation, signedIn } from '@/testing/factories';
import { temporaryStorage } from '@/testing/storage';
import { receiveBytes } from '@/testing/stored-uploads';
import en from '@/messages/en';
import { OrganisationStorageSection } from './storage-section';

vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: 'directory.storage') => createTranslator({ locale: 'en', messages: en, namespace }),
  getFormatter: async () => createFormatter({ locale: 'en', timeZone: 'UTC' }),
}));

temporaryStorage();

describe('the storage section of an organisation page', () => {
  it('storage shown to focal points and admins as "… of 2 GB used" with a labelled progress bar; to nobody else', async () => {
    const org = await createOrganisation({ name: 'Helpline Network' });
    const member = await signedIn({ organisationId: org.id });
    expect((await receiveBytes(member, Buffer.from('a'.repeat(12_900_000)), 'big.txt')).ok).toBe(true);
    const render = async (viewer: Awaited<ReturnType<typeof signedIn>>) =>
      renderToStaticMarkup(await OrganisationStorageSection({ viewer, organisation: { id: org.id, slug: org.slug, name: org.name } }));

    for (const viewer of [await signedIn({ organisationId: org.id, isFocalPoint: true }), await signedIn({ role: 'admin' })]) {
      const html = await render(viewer);
      expect(html).toContain('>Storage</h2>');
      expect(html).toContain('12.3 MB of 2 GB used');
      expect(html).toMatch(/<progress value="12900000" max="2147483648" aria-label="Storage used by Helpline Network"/);
    }
    for (const viewer of [member, await signedIn({ isFocalPoint: true }), await signedIn({ role: 'moderator' })]) {
      expect(await render(viewer)).toBe('');
    }
  });
});
