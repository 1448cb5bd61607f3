'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { updateOwnProfile } from '@/lib/dal/directory/profiles';
import { profileSchema } from '@/lib/validation/profile';

export const updateProfileAction = memberAction(profileSchema, async (input, { viewer, request, say }) => {
  await updateOwnProfile(viewer, input, request);
  revalidatePath('/settings/profile');
  return say('profile.saved');
});
