'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/actions';
import { markNotificationsRead } from '@/lib/dal/notifications/notifications';
import { uuid } from '@/lib/validation/fields';

export const markAllReadAction = memberAction(z.object({}), async (_input, { viewer, say }) => {
  await markNotificationsRead(viewer, 'all');
  revalidatePath('/', 'layout');
  return say('discussions.notifications.allRead');
});

export const markReadAction = memberAction(z.object({ id: uuid }), async ({ id }, { viewer }) => {
  await markNotificationsRead(viewer, [id]);
  revalidatePath('/', 'layout');
});
