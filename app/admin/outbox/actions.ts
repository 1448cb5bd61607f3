'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { retryEmail } from '@/lib/dal/console/outbox';
import { retryEmailSchema } from '@/lib/validation/admin';

export const retryEmailAction = memberAction(retryEmailSchema, async ({ id }, { viewer, say }) => {
  await retryEmail(viewer, id);
  revalidatePath('/admin/outbox');
  return say('admin.outbox.retried');
});
