import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, files, notifications, outbox, quarantineIncidents } from '@/db/schema';
import { openEmail } from '@/lib/email/sealed';
import { NotFoundError } from '@/lib/errors';
import { runDueJobs } from '@/lib/jobs';
import { addBlockedHash, importBlockedHashes } from '@/lib/dal/console/blocklist';
import { incidentsOf, quarantineSetting, reviewIncidents, setQuarantineMode } from '@/lib/dal/console/quarantine';
import { listNotifications } from '@/lib/dal/notifications/notifications';
import { openSealed } from '@/lib/storage/sealed';
import { setStorage, storage } from '@/lib/storage';
import { receiveUpload } from '@/lib/uploads/receive';
import { everyRole, signedIn } from '@/testing/factories';
import { temporaryStorage } from '@/testing/storage';
import { minimalPdf } from '@/testing/uploads';
import { openVisibleFile } from './files';
import { recheckBatch } from './recheck';
import './jobs';

const request = { ip: '203.0.113.9', userAgent: 'vitest' };
const root = temporaryStorage();
const send = (bytes: Buffer) => ({ body: Readable.from([bytes]), declaredSize: bytes.length });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function quarantinedObjects(): Promise<string[]> {
  const out = await readdir(path.join(root(), 'quarantine'), { recursive: true, withFileTypes: true }).catch(() => []);
  return out.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('quarantine of block-listed uploads', () => {
  it('keeps the bytes sealed when the setting says so; flags the uploader; tells admins in the portal and by email without the name', async () => {
    const { admin, member, moderator } = await everyRole();
    expect(await quarantineSetting(admin)).toBe('discard');
    await expect(setQuarantineMode(moderator, 'keep', request)).rejects.toThrow(NotFoundError);
    await setQuarantineMode(admin, 'keep', request);
    expect(await quarantineSetting(admin)).toBe('keep');

    const uploader = await signedIn();
    const bytes = minimalPdf('a file a partner hotline listed');
    await addBlockedHash(admin, { hash: sha256(bytes), note: '' }, request);
    const result = await receiveUpload(uploader, { fileName: 'Victim name.pdf', ...send(bytes) }, request);
    expect(result).toEqual({ ok: false, refusal: 'refused' });

    const [incident] = await getDb().select().from(quarantineIncidents).where(eq(quarantineIncidents.uploadedBy, uploader.id));
    expect(incident).toMatchObject({ reason: 'blocklist', detail: 'sha256', sha256: sha256(bytes), size: bytes.length, fileId: null });
    expect(incident!.storageKey).toMatch(/^quarantine\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    const [object] = await quarantinedObjects();
    const sealed = await readFile(object!);
    expect(sealed.includes(Buffer.from('partner hotline'))).toBe(false);
    expect((await openSealed(await storage().get(incident!.storageKey!))).equals(bytes)).toBe(true);

    // Flagged on the admin's member page, until reviewed (admins only).
    expect(await incidentsOf(admin, uploader.id)).toMatchObject([{ reason: 'blocklist', kept: true, reviewedAt: null }]);
    await expect(incidentsOf(member, uploader.id)).rejects.toThrow(NotFoundError);
    await expect(reviewIncidents(moderator, uploader.id, request)).rejects.toThrow(NotFoundError);
    await reviewIncidents(admin, uploader.id, request);
    expect((await incidentsOf(admin, uploader.id))[0]!.reviewedAt).toBeInstanceOf(Date);
    await expect(reviewIncidents(admin, uploader.id, request)).rejects.toThrow(NotFoundError); // nothing left open

    // Admins hear of it in the portal (and only admins see such a notification), and by email.
    const seen = (await listNotifications(admin)).items.find((n) => n.kind === 'file_quarantined');
    expect(seen).toMatchObject({ actorId: uploader.id });
    const [row] = await getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'file_quarantined'), eq(notifications.userId, admin.id)));
    await getDb().update(notifications).set({ userId: member.id }).where(eq(notifications.id, row!.id));
    expect((await listNotifications(member)).items.some((n) => n.kind === 'file_quarantined')).toBe(false);
    const mails = await getDb()
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, admin.email), eq(outbox.template, 'fileQuarantined')));
    expect(mails).toHaveLength(1);
    const mail = openEmail(mails[0]!);
    expect(mail.text).not.toContain('Victim');
    expect(mail.text).toContain(`/admin/users/${uploader.id}`);
    expect(mail.text).toContain('kept encrypted');

    const actions = (await getDb().select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['quarantine.mode_changed', 'upload.blocked', 'quarantine.reviewed']));
    await setQuarantineMode(admin, 'discard', request);
  });

  it('discards the bytes by default: the incident is recorded without them', async () => {
    const { admin } = await everyRole();
    const uploader = await signedIn();
    const bytes = minimalPdf('another listed file');
    await addBlockedHash(admin, { hash: createHash('md5').update(bytes).digest('hex'), note: '' }, request);
    const before = (await quarantinedObjects()).length;
    expect(await receiveUpload(uploader, { fileName: 'x.pdf', ...send(bytes) }, request)).toEqual({ ok: false, refusal: 'refused' });
    expect(await incidentsOf(admin, uploader.id)).toMatchObject([{ reason: 'blocklist', kept: false }]);
    expect((await quarantinedObjects()).length).toBe(before);
  });

  it('still refuses and records the upload when the quarantine cannot be written (storage down), and says so', async () => {
    const { admin } = await everyRole();
    await setQuarantineMode(admin, 'keep', request);
    const uploader = await signedIn();
    const bytes = minimalPdf('listed while storage is down');
    await addBlockedHash(admin, { hash: sha256(bytes), note: '' }, request);
    const working = storage();
    setStorage({ ...working, put: () => Promise.reject(new Error('storage down')) });
    try {
      expect(await receiveUpload(uploader, { fileName: 'x.pdf', ...send(bytes) }, request)).toEqual({ ok: false, refusal: 'refused' });
    } finally {
      setStorage(working);
      await setQuarantineMode(admin, 'discard', request);
    }
    expect(await incidentsOf(admin, uploader.id)).toMatchObject([{ kept: false }]);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'upload.blocked'), eq(auditLog.actorId, uploader.id)));
    expect(entry!.details).toMatchObject({ preservationFailed: true, kept: false });
  });
});

describe('re-checking stored files when hashes are added', () => {
  it('finds a stored file by its own hash and a re-encoded image by the hash of what was uploaded; hides it at once', async () => {
    const { admin } = await everyRole();
    const uploader = await signedIn();
    const pdf = minimalPdf('stored before anyone listed it');
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'someone' } } })
      .toBuffer();
    const keep = minimalPdf('an innocent file');
    const stored = [];
    for (const [name, bytes] of [
      ['a.pdf', pdf],
      ['b.jpg', jpeg],
      ['c.pdf', keep],
    ] as const) {
      const r = await receiveUpload(uploader, { fileName: name, ...send(bytes) }, request);
      if (!r.ok) throw new Error(r.refusal);
      stored.push(r.file.id);
    }
    const [jpegRow] = await getDb().select().from(files).where(eq(files.id, stored[1]!));
    expect(jpegRow!.sha256).not.toBe(sha256(jpeg)); // re-encoded: the stored bytes differ…
    expect(jpegRow!.originalSha256).toBe(sha256(jpeg)); // …and what was sent is kept beside them
    expect((await openVisibleFile(admin, stored[0]!)).size).toBe(pdf.length);

    const report = await importBlockedHashes(admin, { hashes: `sha256\n${sha256(pdf)}\n${sha256(jpeg)}\n`, note: 'hotline' }, request);
    expect(report).toMatchObject({ added: 2, skippedCount: 0 });
    // Hidden at once, in the transaction that listed the hashes; the job then quarantines them.
    await expect(openVisibleFile(admin, stored[1]!)).rejects.toThrow(NotFoundError);
    expect(await incidentsOf(admin, uploader.id)).toEqual([]);
    while ((await runDueJobs()).ran > 0);

    for (const id of stored.slice(0, 2)) {
      await expect(openVisibleFile(admin, id)).rejects.toThrow(NotFoundError);
      const [row] = await getDb().select().from(files).where(eq(files.id, id));
      expect(row!.quarantinedAt).toBeInstanceOf(Date);
      await expect(storage().get(row!.storageKey)).rejects.toThrow(); // discarded (the default)
    }
    expect((await openVisibleFile(admin, stored[2]!)).size).toBe(keep.length);
    const incidents = await incidentsOf(admin, uploader.id);
    expect(incidents.map((i) => i.reason)).toEqual(['blocklist', 'blocklist']);
    const taken = await getDb().select().from(auditLog).where(eq(auditLog.action, 'file.quarantined'));
    expect(taken).toHaveLength(2);
    // The portal took them back, not the uploader: no actor, the uploader in the details.
    expect(taken.every((a) => a.actorId === null && (a.details as { uploadedBy: string }).uploadedBy === uploader.id)).toBe(true);

    // Running again finds nothing new: each file is handled once.
    expect((await recheckBatch()).matched).toEqual([]);
  });

  it('walks the store in batches, each continuing after the last', async () => {
    const uploader = await signedIn();
    for (const n of [1, 2, 3]) await receiveUpload(uploader, { fileName: `${n}.pdf`, ...send(minimalPdf(`batch ${n}`)) }, request);
    const total = (await getDb().select({ id: files.id }).from(files)).length;
    let next: string | null | undefined = undefined;
    let batches = 0;
    do {
      next = (await recheckBatch(next ?? undefined, 2)).next;
      batches++;
    } while (next);
    expect(batches).toBe(Math.floor(total / 2) + 1);
  });
});
