'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { addBlockedHash, importBlockedHashes, removeBlockedHash } from '@/lib/dal/console/blocklist';
import { setQuarantineMode } from '@/lib/dal/console/quarantine';
import { addBlockedHashSchema, importBlockedHashesSchema, quarantineModeSchema, removeBlockedHashSchema } from '@/lib/validation/resources';

export const addBlockedHashAction = memberAction(addBlockedHashSchema, { reauth: true }, async (input, { viewer, request, say }) => {
  const added = await addBlockedHash(viewer, input, request);
  revalidatePath('/admin/blocklist');
  return say(added ? 'blocklist.added' : 'blocklist.alreadyListed');
});

/** Imports a list; answers the report (added, already listed, each skipped line and why), shown beside the list field. */
export const importBlockedHashesAction = memberAction(importBlockedHashesSchema, { reauth: true }, async (input, { viewer, request, say }) => {
  const report = await importBlockedHashes(viewer, input, request);
  revalidatePath('/admin/blocklist');
  return { data: report, ...say('blocklist.imported', { added: report.added, duplicates: report.alreadyListed, skipped: report.skippedCount }) };
});

export const removeBlockedHashAction = memberAction(removeBlockedHashSchema, { reauth: true }, async ({ id }, { viewer, request, say }) => {
  await removeBlockedHash(viewer, id, request);
  revalidatePath('/admin/blocklist');
  return say('blocklist.removed');
});

/** Whether quarantined files' bytes are kept sealed or discarded (decision 024; audited). */
export const quarantineModeAction = memberAction(quarantineModeSchema, { reauth: true }, async ({ mode }, { viewer, request, say }) => {
  await setQuarantineMode(viewer, mode, request);
  revalidatePath('/admin/blocklist');
  return say('blocklist.quarantine.saved');
});
