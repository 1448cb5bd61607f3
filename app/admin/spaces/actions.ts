'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { addSpaceMember, changeSpaceMember, createSpace, setSpaceArchived, updateSpace } from '@/lib/dal/spaces-admin';
import { archiveSchema, spaceMemberChangeSchema, spaceMemberSchema, spaceSchema } from '@/lib/validation/discussions';

const say = async (key: string, spaceId?: string) => {
  revalidatePath('/admin/spaces');
  if (spaceId) revalidatePath(`/admin/spaces/${spaceId}`);
  return { message: (await getTranslations('discussions.admin'))(key) };
};

export const createSpaceAction = defineAction({
  access: 'member',
  schema: spaceSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const { id } = await createSpace(viewer, input, request);
    redirect(`/admin/spaces/${id}`);
  },
});

export const updateSpaceAction = defineAction({
  access: 'member',
  schema: spaceSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    await updateSpace(viewer, input, request);
    return say('saved', input.spaceId);
  },
});

export const archiveSpaceAction = defineAction({
  access: 'member',
  schema: archiveSchema,
  rateLimit: 'memberAction',
  async handler({ spaceId, archived }, { viewer, request }) {
    await setSpaceArchived(viewer, spaceId, archived, request);
    return say(archived ? 'archivedDone' : 'unarchivedDone', spaceId);
  },
});

export const addMemberAction = defineAction({
  access: 'member',
  schema: spaceMemberSchema,
  rateLimit: 'memberAction',
  async handler({ spaceId, email, manager }, { viewer, request }) {
    await addSpaceMember(viewer, spaceId, email, manager, request);
    return say('added', spaceId);
  },
});

export const changeMemberAction = defineAction({
  access: 'member',
  schema: spaceMemberChangeSchema,
  rateLimit: 'memberAction',
  async handler({ spaceId, userId, change }, { viewer, request }) {
    await changeSpaceMember(viewer, spaceId, userId, change, request);
    return say('changed', spaceId);
  },
});
