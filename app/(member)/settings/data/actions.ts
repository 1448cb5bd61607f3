'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { memberAction } from '@/lib/actions';
import { deleteOwnAccount } from '@/lib/dal/privacy/erasure';
import { requestExport } from '@/lib/dal/privacy/exports';
import { deleteOwnAccountSchema, requestExportSchema } from '@/lib/validation/privacy';

export const requestExportAction = memberAction(requestExportSchema, { rateLimit: 'dataExport' }, async (_input, { viewer, request, say }) => {
  await requestExport(viewer, request);
  revalidatePath('/settings/data');
  return say('privacy.export.requested');
});

export const deleteOwnAccountAction = memberAction(deleteOwnAccountSchema, { reauth: true }, async ({ confirmEmail }, { viewer, request }) => {
  await deleteOwnAccount(viewer, confirmEmail, request);
  // The session row is gone with the account: the next request is anonymous.
  redirect('/sign-in?notice=accountDeleted');
});
