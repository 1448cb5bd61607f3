import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { files, notifications } from '@/db/schema';
import { config } from '@/lib/config';
import { NotFoundError } from '@/lib/errors';
import { runDueJobs } from '@/lib/jobs';
import { incidentsOf } from '@/lib/dal/console/quarantine';
import { getResource } from '@/lib/dal/resources/resources';
import { createResource } from '@/lib/dal/resources/write';
import { resourceInput } from '@/testing/resources';
import { receiveUpload } from '@/lib/uploads/receive';
import { clamdBinary, eicar, fakeClamd, startClamd } from '@/testing/clamd';
import { everyRole, signedIn } from '@/testing/factories';
import { temporaryStorage } from '@/testing/storage';
import { openVisibleFile } from './files';
import { scanFile } from './scan';
import './jobs';

const request = { ip: '203.0.113.9', userAgent: 'vitest' };
temporaryStorage();
const send = (bytes: Buffer) => ({ body: Readable.from([bytes]), declaredSize: bytes.length });

async function upload(name: string, bytes: Buffer) {
  const uploader = await signedIn();
  const result = await receiveUpload(uploader, { fileName: name, ...send(bytes) }, request);
  if (!result.ok) throw new Error(result.refusal);
  return { uploader, fileId: result.file.id };
}
const statusOf = async (id: string) => (await getDb().select().from(files).where(eq(files.id, id)))[0]!;
const drain = async () => {
  while ((await runDueJobs()).ran > 0);
};

afterEach(() => {
  config().CLAMAV_URL = undefined;
});

describe('without a scanner', () => {
  it('files are "not scanned": downloadable, and only admins are told on the resource page', async () => {
    const { admin, member } = await everyRole();
    const contributor = await signedIn();
    const result = await receiveUpload(contributor, { fileName: 'notes.txt', ...send(Buffer.from('plain notes\n')) }, request);
    if (!result.ok) throw new Error(result.refusal);
    expect((await statusOf(result.file.id)).scanStatus).toBe('not_scanned');
    expect((await openVisibleFile(admin, result.file.id)).size).toBeGreaterThan(0);
    const id = await createResource(contributor, resourceInput({ kind: 'file', fileId: result.file.id, url: undefined }), request);
    expect((await getResource(admin, id)).versions[0]!.state).toBe('not_scanned');
    expect((await getResource(member, id)).versions[0]!.state).toBe('available');
  });
});

describe('with clamd (a fake one, always run)', () => {
  let fake: Awaited<ReturnType<typeof fakeClamd>>;
  beforeAll(async () => {
    fake = await fakeClamd((bytes) => (bytes.includes(eicar()) ? 'stream: Portal.Test.EICAR FOUND' : 'stream: OK'));
  });
  afterAll(() => fake.close());

  it('a file is pending (not downloadable, even by admins) until the scan job finds it clean', async () => {
    config().CLAMAV_URL = fake.url;
    const { admin } = await everyRole();
    const { fileId } = await upload('clean.txt', Buffer.from('nothing to see\n'));
    expect((await statusOf(fileId)).scanStatus).toBe('pending');
    await expect(openVisibleFile(admin, fileId)).rejects.toThrow(NotFoundError);
    await drain();
    expect((await statusOf(fileId)).scanStatus).toBe('clean');
    expect((await openVisibleFile(admin, fileId)).size).toBe(15);
  });

  it('an infected file is quarantined, the uploader flagged and admins told', async () => {
    config().CLAMAV_URL = fake.url;
    const { admin } = await everyRole();
    const { uploader, fileId } = await upload('eicar.txt', eicar());
    await drain();
    const row = await statusOf(fileId);
    expect(row).toMatchObject({ scanStatus: 'infected' });
    expect(row.quarantinedAt).toBeInstanceOf(Date);
    await expect(openVisibleFile(admin, fileId)).rejects.toThrow(NotFoundError);
    expect(await incidentsOf(admin, uploader.id)).toMatchObject([{ reason: 'malware', detail: 'Portal.Test.EICAR', kept: false }]);
    const alerts = await getDb().select().from(notifications).where(eq(notifications.userId, admin.id));
    expect(alerts.some((n) => n.kind === 'file_quarantined' && n.actorId === uploader.id)).toBe(true);
  });

  it('a scanner that cannot answer leaves the file pending and the job to retry', async () => {
    config().CLAMAV_URL = 'tcp://127.0.0.1:1';
    const { fileId } = await upload('later.txt', Buffer.from('scan me later\n'));
    await expect(scanFile(fileId)).rejects.toThrow(/unreachable/);
    expect((await statusOf(fileId)).scanStatus).toBe('pending');
    config().CLAMAV_URL = fake.url;
    expect(await scanFile(fileId)).toBe('clean');
    expect(await scanFile(fileId)).toBe('skipped'); // done once
  });
});

const binary = clamdBinary();
if (!binary) console.warn('[skip] ClamAV against a real clamd: clamd is not installed (apt-get install clamav-daemon)');

describe.skipIf(!binary)('with a real clamd (Debian clamav-daemon) and a signature database the test writes', () => {
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  beforeAll(async () => {
    clamd = await startClamd(binary!);
  }, 60_000);
  afterAll(async () => clamd?.stop());

  it('scans a clean and an infected upload', async () => {
    config().CLAMAV_URL = clamd.url;
    const { admin } = await everyRole();
    const clean = await upload('clean.txt', Buffer.from('A report on hotline referrals, 2026.\n'));
    const infected = await upload('sample.txt', eicar());
    await drain();
    expect((await statusOf(clean.fileId)).scanStatus).toBe('clean');
    expect((await openVisibleFile(admin, clean.fileId)).size).toBeGreaterThan(0);
    expect((await statusOf(infected.fileId)).scanStatus).toBe('infected');
    await expect(openVisibleFile(admin, infected.fileId)).rejects.toThrow(NotFoundError);
    expect(await incidentsOf(admin, infected.uploader.id)).toMatchObject([{ reason: 'malware', detail: 'Portal.Test.EICAR.UNOFFICIAL' }]);
  }, 60_000);
});
