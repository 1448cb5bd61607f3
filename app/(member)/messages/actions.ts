'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { memberAction } from '@/lib/actions';
import { addParticipants, blockMember, leaveConversation, renameConversation, setConversationMuted, unblockMember } from '@/lib/dal/messages/manage';
import { reportMessage } from '@/lib/dal/messages/reports';
import { deleteMessage, editMessage, sendMessage, startConversation } from '@/lib/dal/messages/write';
import {
  addPeopleSchema,
  blockSchema,
  conversationIdSchema,
  editMessageSchema,
  messageIdSchema,
  muteSchema,
  renameSchema,
  reportMessageSchema,
  sendMessageSchema,
  startConversationSchema,
} from '@/lib/validation/direct-messages';

/** Direct messages' actions: each goes through memberAction; the data layer decides who may do what (participants only). */
const conversationUrl = (id: string, anchor?: string) => `/messages/${id}${anchor ? `#${anchor}` : ''}`;

export const startConversationAction = memberAction(
  startConversationSchema,
  async ({ recipients, subject, body, attachments, identifyingChecked }, { viewer, request }) => {
    const { conversationId } = await startConversation(viewer, { recipientIds: recipients, subject, body, attachments, identifyingChecked }, request);
    redirect(conversationUrl(conversationId, 'latest'));
  },
);

export const sendMessageAction = memberAction(sendMessageSchema, async (input, { viewer, request }) => {
  await sendMessage(viewer, input, undefined, request);
  redirect(conversationUrl(input.conversationId, 'latest'));
});

export const editMessageAction = memberAction(editMessageSchema, async ({ messageId, body, identifyingChecked }, { viewer, request }) => {
  const { conversationId } = await editMessage(viewer, { messageId, body, identifyingChecked }, request);
  redirect(conversationUrl(conversationId, `message-${messageId}`));
});

export const deleteMessageAction = memberAction(messageIdSchema, async ({ messageId }, { viewer }) => {
  const { conversationId } = await deleteMessage(viewer, messageId);
  redirect(conversationUrl(conversationId, `message-${messageId}`));
});

export const reportMessageAction = memberAction(reportMessageSchema, async ({ messageId, reason }, { viewer, request, say }) => {
  await reportMessage(viewer, messageId, reason, request);
  return say('messages.report.sent');
});

export const renameConversationAction = memberAction(renameSchema, async ({ conversationId, subject }, { viewer, say }) => {
  await renameConversation(viewer, conversationId, subject ?? '');
  revalidatePath(`/messages/${conversationId}`);
  return say('messages.group.renamed');
});

export const addPeopleAction = memberAction(addPeopleSchema, async ({ conversationId, people }, { viewer, say }) => {
  await addParticipants(viewer, conversationId, people);
  revalidatePath(`/messages/${conversationId}`);
  return say('messages.group.added');
});

export const leaveConversationAction = memberAction(conversationIdSchema, async ({ conversationId }, { viewer }) => {
  await leaveConversation(viewer, conversationId);
  redirect('/messages');
});

export const muteConversationAction = memberAction(muteSchema, async ({ conversationId, on }, { viewer, say }) => {
  await setConversationMuted(viewer, conversationId, on);
  revalidatePath(`/messages/${conversationId}`);
  return say(on ? 'messages.conversation.mutedNow' : 'messages.conversation.unmutedNow');
});

export const blockMemberAction = memberAction(blockSchema, async ({ userId, on }, { viewer, request, say }) => {
  if (on) await blockMember(viewer, userId, request);
  else await unblockMember(viewer, userId, request);
  revalidatePath(`/people/${userId}`);
  revalidatePath('/messages', 'layout');
  return say(on ? 'messages.block.blocked' : 'messages.block.unblocked');
});
