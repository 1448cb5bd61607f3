'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { setSpaceMode, updateNotificationPreferences } from '@/lib/dal/notifications/preferences';
import { notificationPreferencesSchema, spaceModeSchema } from '@/lib/validation/notifications';
import { PREFERENCE_KINDS } from '@/lib/validation/notifications';

export const updateNotificationPreferencesAction = memberAction(notificationPreferencesSchema, async (input, { viewer, request, say }) => {
  const channels = Object.fromEntries(PREFERENCE_KINDS.map((k) => [k, input[`channel_${k}`]])) as Parameters<
    typeof updateNotificationPreferences
  >[1]['channels'];
  await updateNotificationPreferences(
    viewer,
    { channels, excerpts: input.excerpts, digests: input.digests, pausedUntilDay: input.pausedUntil, digestHour: input.digestHour },
    request,
  );
  revalidatePath('/settings/notifications');
  return say('notify.settings.saved');
});

export const setSpaceModeAction = memberAction(spaceModeSchema, async ({ spaceId, mode }, { viewer, say }) => {
  await setSpaceMode(viewer, spaceId, mode);
  revalidatePath('/settings/notifications');
  return say('notify.settings.spaceSaved');
});
