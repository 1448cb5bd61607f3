'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { resolveMessageReport, setMessageHidden } from '@/lib/dal/messages/reports';
import { hideMessageSchema, messageIdSchema, resolveMessageReportSchema } from '@/lib/validation/direct-messages';

/** Moderators' actions on reported direct messages (the data layer refuses everyone else, and anything outside a reported excerpt). */

export const hideMessageAction = memberAction(hideMessageSchema, async ({ messageId, reason }, { viewer, request, say }) => {
  await setMessageHidden(viewer, messageId, { reason }, request);
  revalidatePath('/admin/moderation');
  return say('messages.moderation.hidden');
});

export const restoreMessageAction = memberAction(messageIdSchema, async ({ messageId }, { viewer, request, say }) => {
  await setMessageHidden(viewer, messageId, null, request);
  revalidatePath('/admin/moderation');
  return say('messages.moderation.restored');
});

export const resolveMessageReportAction = memberAction(resolveMessageReportSchema, async ({ reportId }, { viewer, request, say }) => {
  await resolveMessageReport(viewer, reportId, request);
  revalidatePath('/admin/moderation');
  return say('messages.moderation.resolved');
});
