'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { decideJoinRequest, followSpace, requestToJoin } from '@/lib/dal/discussions/spaces';
import { decideJoinSchema, followSchema, joinRequestSchema } from '@/lib/validation/discussions';

export const followSpaceAction = memberAction(followSchema, async ({ id, follow }, { viewer, say }) => {
  await followSpace(viewer, id, follow);
  revalidatePath('/spaces', 'layout');
  return say(follow ? 'discussions.space.followed' : 'discussions.space.unfollowed');
});

export const joinSpaceAction = memberAction(joinRequestSchema, async ({ spaceId, message }, { viewer, request, say }) => {
  await requestToJoin(viewer, spaceId, message, request);
  revalidatePath('/spaces', 'layout');
  return say('discussions.space.joinSent');
});

export const decideJoinAction = memberAction(decideJoinSchema, async ({ requestId, accept }, { viewer, request, say }) => {
  await decideJoinRequest(viewer, requestId, accept, request);
  revalidatePath('/spaces', 'layout');
  return say(accept ? 'discussions.space.accepted' : 'discussions.space.declined');
});
