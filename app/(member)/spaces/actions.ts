'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { decideJoinRequest, followSpace, requestToJoin } from '@/lib/dal/spaces';
import { decideJoinSchema, followSchema, joinRequestSchema } from '@/lib/validation/discussions';

const say = async (key: string) => ({ message: (await getTranslations('discussions.space'))(key) });

export const followSpaceAction = defineAction({
  access: 'member',
  schema: followSchema,
  rateLimit: 'memberAction',
  async handler({ id, follow }, { viewer }) {
    await followSpace(viewer, id, follow);
    revalidatePath('/spaces', 'layout');
    return say(follow ? 'followed' : 'unfollowed');
  },
});

export const joinSpaceAction = defineAction({
  access: 'member',
  schema: joinRequestSchema,
  rateLimit: 'memberAction',
  async handler({ spaceId, message }, { viewer, request }) {
    await requestToJoin(viewer, spaceId, message, request);
    revalidatePath('/spaces', 'layout');
    return say('joinSent');
  },
});

export const decideJoinAction = defineAction({
  access: 'member',
  schema: decideJoinSchema,
  rateLimit: 'memberAction',
  async handler({ requestId, accept }, { viewer, request }) {
    await decideJoinRequest(viewer, requestId, accept, request);
    revalidatePath('/spaces', 'layout');
    return say(accept ? 'accepted' : 'declined');
  },
});
