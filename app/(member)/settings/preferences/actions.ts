'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { updateOwnPreferences } from '@/lib/dal/accounts/preferences';
import { preferencesSchema } from '@/lib/validation/preferences';

export const updatePreferencesAction = memberAction(preferencesSchema, async (input, { viewer, say }) => {
  await updateOwnPreferences(viewer, input);
  revalidatePath('/', 'layout');
  return say('settings.preferencesSaved');
});
