'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { markNotificationsRead } from '@/lib/dal/notifications';
import { uuid } from '@/lib/validation/fields';

export const markAllReadAction = defineAction({
  access: 'member',
  schema: z.object({}),
  rateLimit: 'memberAction',
  async handler(_input, { viewer }) {
    await markNotificationsRead(viewer, 'all');
    revalidatePath('/', 'layout');
    return { message: (await getTranslations('discussions.notifications'))('allRead') };
  },
});

export const markReadAction = defineAction({
  access: 'member',
  schema: z.object({ id: uuid }),
  rateLimit: 'memberAction',
  async handler({ id }, { viewer }) {
    await markNotificationsRead(viewer, [id]);
    revalidatePath('/', 'layout');
  },
});
