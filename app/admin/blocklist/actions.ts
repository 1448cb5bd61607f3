'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { addBlockedHash, importBlockedHashes, removeBlockedHash } from '@/lib/dal/console/blocklist';
import { addBlockedHashSchema, importBlockedHashesSchema, removeBlockedHashSchema } from '@/lib/validation/resources';

export const addBlockedHashAction = memberAction(addBlockedHashSchema, { reauth: true }, async (input, { viewer, request, say }) => {
  const added = await addBlockedHash(viewer, input, request);
  revalidatePath('/admin/blocklist');
  return say(added ? 'blocklist.added' : 'blocklist.alreadyListed');
});

export const importBlockedHashesAction = memberAction(importBlockedHashesSchema, { reauth: true }, async (input, { viewer, request, say }) => {
  const result = await importBlockedHashes(viewer, input, request);
  revalidatePath('/admin/blocklist');
  const { message } = say('blocklist.imported', { added: result.added, duplicates: result.duplicates });
  if (!result.invalidLines.length) return { message };
  const lines = result.invalidLines.slice(0, 20).join(', ');
  return { message: `${message} ${say('blocklist.invalidLines', { count: result.invalidLines.length, lines }).message}` };
});

export const removeBlockedHashAction = memberAction(removeBlockedHashSchema, { reauth: true }, async ({ id }, { viewer, request, say }) => {
  await removeBlockedHash(viewer, id, request);
  revalidatePath('/admin/blocklist');
  return say('blocklist.removed');
});
