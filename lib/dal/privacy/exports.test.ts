import { Readable } from 'node:stream';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, dataExports, jobs, outbox } from '@/db/schema';
import { signedIn } from '@/testing/factories';
import { createSpace, request } from '@/testing/discussions';
import { resourceInput } from '@/testing/resources';
import { temporaryStorage } from '@/testing/storage';
import { minimalPdf } from '@/testing/uploads';
import { readZip } from '@/testing/zip';
import { createThread, createReply } from '@/lib/dal/discussions/posts-write';
import { createResource } from '@/lib/dal/resources/write';
import { quarantineStoredFile } from '@/lib/dal/files/quarantine';
import { receiveUpload } from '@/lib/uploads/receive';
import { sendMessage, startConversation } from '@/lib/dal/messages/write';
import { openEmail } from '@/lib/email/sealed';
import { NotFoundError, UserError } from '@/lib/errors';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/jobs/registry';
import { expireDueExports, latestOwnExport, openOwnExport, requestExport } from './exports';

type V = Awaited<ReturnType<typeof signedIn>>;
let owner: V, other: V, admin: V;
temporaryStorage();

beforeAll(async () => {
  owner = await signedIn({ name: 'Export Owner' });
  other = await signedIn();
  admin = await signedIn({ role: 'admin' });
});

async function bytes(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const runJobs = async () => {
  await getDb().execute(sql`update jobs set run_at = now() where done_at is null and kind = 'privacy.buildExport'`);
  await runDueJobs(50);
};

describe('export everything the portal holds about me', () => {
  it('builds a zip of JSON and my resources’ files with a job, emails a link only, and serves it to me alone', async () => {
    const spaceId = (await createSpace()).id;
    const { threadId } = await createThread(
      owner,
      { spaceId, title: 'Exported thread', body: 'My first post in the export', urgent: false },
      request,
    );
    await createReply(other, { threadId, body: 'Someone else’s reply' });
    const pdf = minimalPdf('exported file');
    const upload = await receiveUpload(owner, { fileName: 'report.pdf', body: Readable.from([pdf]), declaredSize: pdf.length }, request);
    if (!upload.ok) throw new Error(upload.refusal);
    await createResource(owner, resourceInput({ title: 'My shared report', kind: 'file', fileId: upload.file.id, url: undefined }), request);
    // A file the portal took back (block list, malware) never leaves it again, not even to its uploader (decision 024).
    const listed = minimalPdf('taken back');
    const second = await receiveUpload(owner, { fileName: 'listed.pdf', body: Readable.from([listed]), declaredSize: listed.length }, request);
    if (!second.ok) throw new Error(second.refusal);
    await createResource(owner, resourceInput({ title: 'Taken back', kind: 'file', fileId: second.file.id, url: undefined }), request);
    await quarantineStoredFile(second.file.id, 'blocklist', 'sha256');
    const note = minimalPdf('attached to a message');
    const attached = await receiveUpload(owner, { fileName: 'note.pdf', body: Readable.from([note]), declaredSize: note.length }, request, 'message');
    if (!attached.ok) throw new Error(attached.refusal);
    const { conversationId } = await startConversation(owner, {
      recipientIds: [other.id],
      body: 'A private word in the export',
      attachments: [attached.file.id],
    });
    await sendMessage(other, { conversationId, body: 'Someone else’s answer' });

    await requestExport(owner, request);
    expect(await latestOwnExport(owner)).toMatchObject({ status: 'queued' });
    await runJobs();
    const ready = await latestOwnExport(owner);
    expect(ready).toMatchObject({ status: 'ready' });
    expect(ready!.expiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);

    // Nobody else can open it, admins included; unknown ids are not found.
    for (const viewer of [other, admin]) await expect(openOwnExport(viewer, ready!.id, request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openOwnExport(owner, 'nonsense', request)).rejects.toBeInstanceOf(NotFoundError);
    expect(await latestOwnExport(other)).toBeNull();

    const file = await openOwnExport(owner, ready!.id, request);
    const zip = await readZip(await bytes(file.body));
    const json = (name: string) => JSON.parse(zip.get(name)!.toString('utf8')) as unknown;
    expect(json('profile.json')).toMatchObject({ id: owner.id, email: owner.email, name: 'Export Owner' });
    const ownPosts = json('posts.json') as { body: string }[];
    expect(ownPosts.map((p) => p.body)).toEqual(['My first post in the export']);
    expect(json('threads.json')).toEqual([expect.objectContaining({ title: 'Exported thread' })]);
    expect(json('resources.json')).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: 'My shared report' }), expect.objectContaining({ title: 'Taken back' })]),
    );
    expect((json('sessions.json') as unknown[]).length).toBeGreaterThan(0);
    // Their direct messages: the conversation and what they wrote in it, not what others wrote.
    expect(json('conversations.json')).toEqual([expect.objectContaining({ conversationId })]);
    expect((json('directMessages.json') as { body: string }[]).map((m) => m.body)).toEqual(['A private word in the export']);
    expect(json('blocks.json')).toEqual([]);
    expect(json('audit.json')).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'account.export_requested' })]));
    for (const name of ['memberships.json', 'notifications.json', 'notificationPreferences.json', 'secondFactors.json'])
      expect(zip.has(name)).toBe(true);
    const stored = [...zip.keys()].filter((k) => k.startsWith('files/'));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/\/v1-report\.pdf$/);
    expect(zip.get(stored[0]!)!.equals(pdf)).toBe(true);
    // The files they attached to their messages, beside the messages' ids.
    const attachedFiles = [...zip.keys()].filter((k) => k.startsWith('messages/'));
    expect(attachedFiles).toEqual([expect.stringMatching(/^messages\/[0-9a-f-]{36}\/1-note\.pdf$/)]);
    expect(zip.get(attachedFiles[0]!)!.equals(note)).toBe(true);

    const [email] = await getDb()
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, owner.email), eq(outbox.template, 'exportReady')));
    const { text } = openEmail(email!);
    expect(text).toContain('/settings/data');
    expect(text).not.toContain('My first post');

    const actions = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, owner.id));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['account.export_requested', 'account.export_downloaded']));
  });

  it('allows one pending export per member at a time', async () => {
    const person = await signedIn();
    await requestExport(person, request);
    await expect(requestExport(person, request)).rejects.toBeInstanceOf(UserError);
    expect(await getDb().select().from(dataExports).where(eq(dataExports.userId, person.id))).toHaveLength(1);
  });

  it('deletes an export after 24 hours, with its file', async () => {
    const person = await signedIn();
    await requestExport(person, request);
    await runJobs();
    const ready = (await latestOwnExport(person))!;
    expect(ready.status).toBe('ready');
    const [expiry] = await getDb()
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'privacy.expireExport'), isNull(jobs.doneAt), sql`${jobs.payload}->>'exportId' = ${ready.id}`));
    expect(expiry!.runAt.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);

    await getDb()
      .update(dataExports)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(dataExports.id, ready.id));
    expect(await latestOwnExport(person)).toMatchObject({ status: 'expired' });
    await expireDueExports();
    const [row] = await getDb().select().from(dataExports).where(eq(dataExports.id, ready.id));
    expect(row).toMatchObject({ status: 'expired', storageKey: null });
    await expect(openOwnExport(person, ready.id, request)).rejects.toBeInstanceOf(NotFoundError);
    // A new one may be asked for.
    await requestExport(person, request);
  });
});
