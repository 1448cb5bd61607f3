'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { changeUserRole, reactivateUser, setFocalPoint, suspendUser } from '@/lib/dal/users';
import { changeRoleSchema, focalPointSchema, userStatusSchema } from '@/lib/validation/admin';

const done = async (userId: string, key: string) => {
  revalidatePath(`/admin/users/${userId}`);
  return { message: (await getTranslations('admin.user'))(key) };
};

export const changeRoleAction = defineAction({
  access: 'member',
  schema: changeRoleSchema,
  rateLimit: 'memberAction',
  async handler({ userId, role }, { viewer, request }) {
    await changeUserRole(viewer, userId, role, request);
    return done(userId, 'roleChanged');
  },
});

export const userStatusAction = defineAction({
  access: 'member',
  schema: userStatusSchema,
  rateLimit: 'memberAction',
  async handler({ userId, status }, { viewer, request }) {
    if (status === 'suspended') {
      await suspendUser(viewer, userId, request);
      return done(userId, 'suspended');
    }
    await reactivateUser(viewer, userId, request);
    return done(userId, 'reactivated');
  },
});

export const focalPointAction = defineAction({
  access: 'member',
  schema: focalPointSchema,
  rateLimit: 'memberAction',
  async handler({ userId, isFocalPoint }, { viewer, request }) {
    await setFocalPoint(viewer, userId, isFocalPoint, request);
    return done(userId, isFocalPoint ? 'focalPointSet' : 'focalPointCleared');
  },
});
