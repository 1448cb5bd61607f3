import { readdir } from 'node:fs/promises';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { files, jobs } from '@/db/schema';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/dal/resources/jobs';
import { signedIn } from '@/testing/factories';
import { resourceInput } from '@/testing/resources';
import { temporaryStorage } from '@/testing/storage';
import { storePdf } from '@/testing/stored-uploads';
import { createResource } from './write';

const request = { ip: '203.0.113.41', userAgent: 'vitest' };
const root = temporaryStorage();

const discardJob = (fileId: string) => and(eq(jobs.kind, 'resources.discardUnattachedFile'), sql`${jobs.payload}->>'fileId' = ${fileId}`);

async function storedObjects(): Promise<number> {
  const entries = await readdir(root(), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/** What 24 hours passing does to the sweep: its jobs fall due. */
async function aDayLater(): Promise<void> {
  await getDb()
    .update(jobs)
    .set({ runAt: sql`now() - interval '1 second'` })
    .where(eq(jobs.kind, 'resources.discardUnattachedFile'));
  while ((await runDueJobs(50)).ran > 0);
}

describe('unattached uploads swept after 24 h', () => {
  it('queues a sweep a day after each upload; then removes the row and bytes of files no resource uses, and keeps attached ones', async () => {
    const viewer = await signedIn();
    const loose = await storePdf(viewer, 'never attached');
    const kept = await storePdf(viewer, 'attached');
    await createResource(viewer, resourceInput({ kind: 'file', url: undefined, fileId: kept }), request);

    const [job] = await getDb()
      .select({ inHours: sql<number>`extract(epoch from ${jobs.runAt} - now()) / 3600` })
      .from(jobs)
      .where(discardJob(loose));
    expect(Number(job!.inHours)).toBeGreaterThan(23.9);
    expect(Number(job!.inHours)).toBeLessThanOrEqual(24);

    // Before the day is up, nothing is swept.
    await runDueJobs(50);
    expect(await getDb().select({ id: files.id }).from(files).where(eq(files.id, loose))).toHaveLength(1);
    expect(await storedObjects()).toBe(2);

    await aDayLater();
    expect(await getDb().select({ id: files.id }).from(files).where(eq(files.id, loose))).toHaveLength(0);
    expect(await getDb().select({ id: files.id }).from(files).where(eq(files.id, kept))).toHaveLength(1);
    expect(await storedObjects()).toBe(1);
    const [done] = await getDb().select({ doneAt: jobs.doneAt }).from(jobs).where(discardJob(loose));
    expect(done!.doneAt).not.toBeNull();
  });
});
