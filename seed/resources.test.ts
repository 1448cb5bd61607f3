import { expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { createUser, signedIn } from '@/testing/factories';
import { listResources } from '@/lib/dal/resources/resources';
import { temporaryStorage } from '@/testing/storage';
import { seedResources } from './resources';

temporaryStorage();

it('seeds demo resources that search finds, each under its visibility', async () => {
  for (const [email, sector, role] of [
    ['government@demo.example', 'government', 'member'],
    ['company@demo.example', 'private_sector', 'member'],
    ['civil@demo.example', 'civil_society', 'member'],
    ['igo@demo.example', 'intergovernmental', 'member'],
    ['admin@secretariat.example', 'civil_society', 'admin'],
  ] as const) {
    await createUser({ email, sector, role });
  }
  await getDb().transaction((tx) => seedResources(tx));
  const admin = await signedIn({ role: 'admin' });
  expect((await listResources(admin, {})).items).toHaveLength(7);
  expect((await listResources(admin, { q: 'triage' })).items.map((r) => r.title)).toEqual(['Hotline referral pathways: a practical guide']);
  const outsider = await signedIn({ sector: 'private_sector' });
  const titles = (await listResources(outsider, {})).items.map((r) => r.title);
  expect(titles).not.toContain('Model National Response self-assessment notes');
  expect(titles).not.toContain('Reference group meeting summary (draft)');
  expect(titles).toContain('Financial sexual extortion: what helplines are hearing');
});
