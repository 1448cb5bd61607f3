'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { memberAction } from '@/lib/actions';
import { addSpaceMember, changeSpaceMember, createSpace, setSpaceArchived, updateSpace } from '@/lib/dal/discussions/spaces-admin';
import { archiveSchema, spaceMemberChangeSchema, spaceMemberSchema, spaceSchema } from '@/lib/validation/discussions';

function revalidate(spaceId?: string) {
  revalidatePath('/admin/spaces');
  if (spaceId) revalidatePath(`/admin/spaces/${spaceId}`);
}

export const createSpaceAction = memberAction(spaceSchema, async (input, { viewer, request }) => {
  const { id } = await createSpace(viewer, input, request);
  redirect(`/admin/spaces/${id}`);
});

export const updateSpaceAction = memberAction(spaceSchema, async (input, { viewer, request, say }) => {
  await updateSpace(viewer, input, request);
  revalidate(input.spaceId);
  return say('discussions.admin.saved');
});

export const archiveSpaceAction = memberAction(archiveSchema, async ({ spaceId, archived }, { viewer, request, say }) => {
  await setSpaceArchived(viewer, spaceId, archived, request);
  revalidate(spaceId);
  return say(archived ? 'discussions.admin.archivedDone' : 'discussions.admin.unarchivedDone');
});

export const addMemberAction = memberAction(spaceMemberSchema, async ({ spaceId, email, manager }, { viewer, request, say }) => {
  await addSpaceMember(viewer, spaceId, email, manager, request);
  revalidate(spaceId);
  return say('discussions.admin.added');
});

export const changeMemberAction = memberAction(spaceMemberChangeSchema, async ({ spaceId, userId, change }, { viewer, request, say }) => {
  await changeSpaceMember(viewer, spaceId, userId, change, request);
  revalidate(spaceId);
  return say('discussions.admin.changed');
});
