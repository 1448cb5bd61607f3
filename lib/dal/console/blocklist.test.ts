import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, blockedHashes } from '@/db/schema';
import { everyRole } from '@/testing/factories';
import { NotFoundError } from '@/lib/errors';
import { parseHashList } from '@/lib/validation/hash-list';
import { addBlockedHash, countBlockedHashes, importBlockedHashes, isBlocked, listBlockedHashes, removeBlockedHash } from './blocklist';

const request = { ip: '203.0.113.1', userAgent: 'vitest' };
const sha = 'a'.repeat(64);
const md5 = 'b'.repeat(32);

describe('hash block list', () => {
  it('is for admins only', async () => {
    const { member, focalPoint, moderator, admin } = await everyRole();
    for (const viewer of [member, focalPoint, moderator]) {
      await expect(listBlockedHashes(viewer)).rejects.toThrow(NotFoundError);
      await expect(addBlockedHash(viewer, { hash: sha, note: '' }, request)).rejects.toThrow(NotFoundError);
      await expect(importBlockedHashes(viewer, { hashes: sha, note: '' }, request)).rejects.toThrow(NotFoundError);
      await expect(countBlockedHashes(viewer)).rejects.toThrow(NotFoundError);
    }
    expect(await addBlockedHash(admin, { hash: sha, note: 'From a partner hotline' }, request)).toBe(true);
    expect(await addBlockedHash(admin, { hash: sha, note: '' }, request)).toBe(false);
    const [row] = (await listBlockedHashes(admin)).items;
    expect(row).toMatchObject({ algorithm: 'sha256', hash: sha, note: 'From a partner hotline' });
    await expect(removeBlockedHash(member, row!.id, request)).rejects.toThrow(NotFoundError);
    await removeBlockedHash(admin, row!.id, request);
    expect(await countBlockedHashes(admin)).toBe(0);
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.actorId, admin.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['blocklist.added', 'blocklist.removed']));
  });

  it('imports a text list: sha256sum output, comments, duplicates and bad lines', async () => {
    const { admin } = await everyRole();
    const text = `# from partner\n${sha.toUpperCase()}  file-one.jpg\n\n${md5}\n${md5},dup\nnot-a-hash\n${'c'.repeat(40)}\n`;
    const skipped = [
      { line: 5, reason: 'repeated' },
      { line: 6, reason: 'notHash' },
      { line: 7, reason: 'sha1' },
    ];
    expect(parseHashList(text)).toEqual({ hashes: [sha, md5], skipped, noHashColumn: false });
    expect(await importBlockedHashes(admin, { hashes: text, note: 'batch' }, request)).toEqual({
      added: 2,
      alreadyListed: 0,
      skipped,
      skippedCount: 3,
    });
    expect(await importBlockedHashes(admin, { hashes: text, note: 'again' }, request)).toEqual({
      added: 0,
      alreadyListed: 2,
      skipped,
      skippedCount: 3,
    });
    expect(await isBlocked({ sha256: sha, md5: 'f'.repeat(32) })).toBe(true);
    expect(await isBlocked({ sha256: 'f'.repeat(64), md5 })).toBe(true);
    expect(await isBlocked({ sha256: 'f'.repeat(64), md5: 'f'.repeat(32) })).toBe(false);
    expect((await getDb().select().from(blockedHashes)).map((r) => r.algorithm).sort()).toEqual(['md5', 'sha256']);
  });
});
