'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { setReverificationDate } from '@/lib/dal/reverification/admin';
import { reverificationDateSchema } from '@/lib/validation/reverification';

/** Moves an organisation's yearly re-verification date (admins only; audited). */
export const reverificationDateAction = memberAction(reverificationDateSchema, async (input, { viewer, request, say }) => {
  await setReverificationDate(viewer, input, request);
  revalidatePath('/admin/reverification');
  return say('reverification.admin.dateSaved');
});
