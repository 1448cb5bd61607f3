'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { setSecondFactorRequiredForEveryone } from '@/lib/auth/second-factor';
import { setPeopleSettings } from '@/lib/dal/people/settings';
import { peopleSettingsSchema } from '@/lib/validation/people';
import { requireSecondFactorSchema } from '@/lib/validation/security';

/** An admin requires a second factor of every member, or of staff only (audited; admins only, in lib/auth/second-factor.ts). */
export const requireSecondFactorAction = memberAction(requireSecondFactorSchema, { reauth: true }, async ({ required }, { viewer, request, say }) => {
  await setSecondFactorRequiredForEveryone(viewer, required, request);
  revalidatePath('/admin');
  return say('security.admin.everyoneSaved');
});

/** An admin sets how long applications wait for their focal point, and whether invited colleagues skip approval (decision 018). */
export const peopleSettingsAction = memberAction(peopleSettingsSchema, { reauth: true }, async (input, { viewer, request, say }) => {
  await setPeopleSettings(viewer, input, request);
  revalidatePath('/admin');
  return say('people.settings.saved');
});
