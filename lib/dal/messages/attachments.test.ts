import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { files } from '@/db/schema';
import { openVisibleFile } from '@/lib/dal/files/files';
import { discardUnattachedFile } from '@/lib/dal/resources/files';
import { NotFoundError, UserError } from '@/lib/errors';
import { storage } from '@/lib/storage';
import { receiveUpload } from '@/lib/uploads/receive';
import { signedIn } from '@/testing/factories';
import { temporaryStorage } from '@/testing/storage';
import { minimalPdf } from '@/testing/uploads';
import { listMessages } from './conversations';
import { addParticipants, blockMember } from './manage';
import { deleteMessage, sendMessage, startConversation } from './write';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

const request = { ip: '203.0.113.7', userAgent: 'vitest' };
temporaryStorage();

type V = Awaited<ReturnType<typeof signedIn>>;
let gov: V, civil: V, company: V, outsider: V, moderator: V, admin: V;

beforeAll(async () => {
  gov = await signedIn({ sector: 'government' });
  civil = await signedIn({ sector: 'civil_society' });
  company = await signedIn({ sector: 'private_sector' });
  outsider = await signedIn({ sector: 'civil_society' });
  moderator = await signedIn({ role: 'moderator', sector: 'intergovernmental' });
  admin = await signedIn({ role: 'admin', sector: 'intergovernmental' });
});

/** A PDF uploaded by `who` for a message (POST /api/uploads?for=message does this). */
async function upload(who: V, text: string, name = `${text}.pdf`) {
  const bytes = minimalPdf(text);
  const result = await receiveUpload(who, { fileName: name, body: Readable.from([bytes]), declaredSize: bytes.length }, request, 'message');
  if (!result.ok) throw new Error(result.refusal);
  return { id: result.file.id, bytes };
}

async function download(who: V, id: string): Promise<Buffer> {
  const file = await openVisibleFile(who, id);
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const attachmentsSeen = async (who: V, conversationId: string) =>
  (await listMessages(who, conversationId)).items.flatMap((m) => m.attachments.map((a) => a.name));

describe('attachments on direct messages', () => {
  it('only the participants the message reaches download its files; other members, moderators and admins get not found', async () => {
    const file = await upload(gov, 'Referral pathway');
    // Not sent yet: nobody downloads it, its uploader included.
    await expect(openVisibleFile(gov, file.id)).rejects.toBeInstanceOf(NotFoundError);
    const { conversationId } = await startConversation(gov, { recipientIds: [civil.id], body: 'The pathway, attached', attachments: [file.id] });

    expect((await download(civil, file.id)).equals(file.bytes)).toBe(true);
    expect((await download(gov, file.id)).equals(file.bytes)).toBe(true);
    for (const other of [outsider, moderator, admin]) await expect(openVisibleFile(other, file.id)).rejects.toBeInstanceOf(NotFoundError);

    const [message] = (await listMessages(civil, conversationId)).items;
    expect(message!.attachments).toEqual([
      { id: file.id, name: 'Referral pathway.pdf', size: file.bytes.length, contentType: 'application/pdf', state: 'available' },
    ]);
  });

  it('a member added later cannot download files sent before they joined, only later ones', async () => {
    const early = await upload(gov, 'Before you joined');
    const { conversationId } = await startConversation(gov, {
      recipientIds: [civil.id, company.id],
      subject: 'Case review',
      body: 'Earlier notes',
      attachments: [early.id],
    });
    await addParticipants(gov, conversationId, [outsider.id]);
    await expect(openVisibleFile(outsider, early.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await attachmentsSeen(outsider, conversationId)).toEqual([]);

    const later = await upload(civil, 'After you joined');
    await sendMessage(civil, { conversationId, body: 'Welcome, here is the summary', attachments: [later.id] });
    expect((await download(outsider, later.id)).equals(later.bytes)).toBe(true);
    expect(await attachmentsSeen(outsider, conversationId)).toEqual(['After you joined.pdf']);
    expect(await attachmentsSeen(company, conversationId)).toEqual(['Before you joined.pdf', 'After you joined.pdf']);
  });

  it("a file must be the sender's own unsent message upload: anything else refuses the message", async () => {
    const { conversationId } = await startConversation(gov, { recipientIds: [company.id], body: 'Hello' });
    const others = await upload(company, 'Not yours');
    await expect(sendMessage(gov, { conversationId, body: 'Stolen', attachments: [others.id] })).rejects.toMatchObject({
      messageKey: 'messages.attachments.gone',
      field: 'attachments',
    });
    const resourceFile = await receiveUpload(
      gov,
      { fileName: 'library.pdf', body: Readable.from([minimalPdf('Library')]), declaredSize: null },
      request,
      'resource',
    );
    if (!resourceFile.ok) throw new Error(resourceFile.refusal);
    await expect(sendMessage(gov, { conversationId, body: 'Library file', attachments: [resourceFile.file.id] })).rejects.toBeInstanceOf(UserError);
    const mine = await upload(gov, 'Once only');
    await sendMessage(gov, { conversationId, body: 'First', attachments: [mine.id] });
    await expect(sendMessage(gov, { conversationId, body: 'Again', attachments: [mine.id] })).rejects.toBeInstanceOf(UserError);
    // Nothing of the refused messages was written.
    expect((await listMessages(company, conversationId)).items.map((m) => m.number)).toEqual([1, 2]);
  });

  it('deleting the message deletes its files (row and bytes); the daily sweep leaves sent files alone', async () => {
    const kept = await upload(gov, 'Kept');
    const removed = await upload(gov, 'Removed');
    const { conversationId } = await startConversation(gov, { recipientIds: [civil.id], subject: 'Files', body: 'Two messages' });
    await sendMessage(gov, { conversationId, body: 'Kept', attachments: [kept.id] });
    const { messageId } = await sendMessage(gov, { conversationId, body: 'Removed', attachments: [removed.id] });
    const [row] = await getDb().select({ key: files.storageKey }).from(files).where(eq(files.id, removed.id));

    await deleteMessage(gov, messageId);
    await expect(openVisibleFile(civil, removed.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().select().from(files).where(eq(files.id, removed.id))).toEqual([]);
    await expect(storage().get(row!.key)).rejects.toThrow();
    expect(await attachmentsSeen(civil, conversationId)).toEqual(['Kept.pdf']);

    expect(await discardUnattachedFile(kept.id)).toBe(false);
    expect((await download(civil, kept.id)).equals(kept.bytes)).toBe(true);
    const unsent = await upload(gov, 'Never sent');
    expect(await discardUnattachedFile(unsent.id)).toBe(true);
  });

  it('a file from someone the reader blocked, sent after the block, does not reach them', async () => {
    const { conversationId } = await startConversation(company, { recipientIds: [moderator.id], body: 'Hello' });
    await blockMember(moderator, company.id, request);
    const file = await upload(company, 'After the block');
    await sendMessage(company, { conversationId, body: 'Still here', attachments: [file.id] });
    await expect(openVisibleFile(moderator, file.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await download(company, file.id)).equals(file.bytes)).toBe(true);
  });
});
