import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Tx } from '@/db/index';
import { files, organisations, users } from '@/db/schema';
import { newStorageKey, storage } from '@/lib/storage';

/**
 * A logo for the organisation of the member the moderation journey reports (e2e/moderation-safety.spec.ts):
 * the review queue shows it blurred until a moderator chooses to see it. A plain coloured square, made here.
 */
export async function seedLogos(tx: Tx): Promise<void> {
  const [owner] = await tx
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.email, 'reported@demo.example'))
    .limit(1);
  if (!owner) return;
  const bytes = await sharp({ create: { width: 96, height: 96, channels: 3, background: { r: 31, g: 94, b: 140 } } })
    .png()
    .toBuffer();
  const key = newStorageKey('logo');
  await storage().put(key, bytes, 'image/png', bytes.length);
  const [file] = await tx
    .insert(files)
    .values({
      storageKey: key,
      purpose: 'logo',
      contentType: 'image/png',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      md5: createHash('md5').update(bytes).digest('hex'),
      originalName: 'logo.png',
      uploadedBy: owner.id,
    })
    .returning({ id: files.id });
  await tx.update(organisations).set({ logoFileId: file!.id }).where(eq(organisations.id, owner.organisationId));
}
