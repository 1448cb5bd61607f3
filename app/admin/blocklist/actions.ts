'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { addBlockedHash, importBlockedHashes, removeBlockedHash } from '@/lib/dal/blocklist';
import { addBlockedHashSchema, importBlockedHashesSchema, removeBlockedHashSchema } from '@/lib/validation/resources';

export const addBlockedHashAction = defineAction({
  access: 'member',
  schema: addBlockedHashSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const added = await addBlockedHash(viewer, input, request);
    revalidatePath('/admin/blocklist');
    return { message: (await getTranslations('blocklist'))(added ? 'added' : 'alreadyListed') };
  },
});

export const importBlockedHashesAction = defineAction({
  access: 'member',
  schema: importBlockedHashesSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const result = await importBlockedHashes(viewer, input, request);
    revalidatePath('/admin/blocklist');
    const t = await getTranslations('blocklist');
    const lines = result.invalidLines.slice(0, 20).join(', ');
    return {
      message: [
        t('imported', { added: result.added, duplicates: result.duplicates }),
        result.invalidLines.length ? t('invalidLines', { count: result.invalidLines.length, lines }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    };
  },
});

export const removeBlockedHashAction = defineAction({
  access: 'member',
  schema: removeBlockedHashSchema,
  rateLimit: 'memberAction',
  async handler({ id }, { viewer, request }) {
    await removeBlockedHash(viewer, id, request);
    revalidatePath('/admin/blocklist');
    return { message: (await getTranslations('blocklist'))('removed') };
  },
});
