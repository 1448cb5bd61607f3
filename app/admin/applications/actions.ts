'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { approveApplication, rejectApplication } from '@/lib/dal/applications';
import { approveApplicationSchema, rejectApplicationSchema } from '@/lib/validation/admin';

// The list is not revalidated here: the decided card stays in place showing the outcome, and the
// list is fresh on the next visit (keyset cursors do not depend on the rows shown).

export const approveApplicationAction = defineAction({
  access: 'member',
  schema: approveApplicationSchema,
  rateLimit: 'memberAction',
  async handler({ userId }, { viewer, request }) {
    await approveApplication(viewer, userId, request);
    return { message: (await getTranslations('admin.applications'))('approved') };
  },
});

export const rejectApplicationAction = defineAction({
  access: 'member',
  schema: rejectApplicationSchema,
  rateLimit: 'memberAction',
  async handler({ userId, reason }, { viewer, request }) {
    await rejectApplication(viewer, userId, reason, request);
    return { message: (await getTranslations('admin.applications'))('rejected') };
  },
});
