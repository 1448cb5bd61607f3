'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { updateOwnPreferences } from '@/lib/dal/preferences';
import { preferencesSchema } from '@/lib/validation/preferences';

export const updatePreferencesAction = defineAction({
  access: 'member',
  schema: preferencesSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer }) {
    await updateOwnPreferences(viewer, input);
    revalidatePath('/', 'layout');
    return { message: (await getTranslations('settings'))('preferencesSaved') };
  },
});
