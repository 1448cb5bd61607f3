'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { memberAction } from '@/lib/actions';
import { changeUserRole, reactivateUser, setFocalPoint, suspendUser } from '@/lib/dal/console/users';
import { resetSecondFactors } from '@/lib/auth/second-factor';
import { changeRoleSchema, focalPointSchema, reviewIncidentsSchema, userStatusSchema } from '@/lib/validation/admin';
import { reviewIncidents } from '@/lib/dal/console/quarantine';
import { resetSecondFactorSchema } from '@/lib/validation/security';
import { adminDeleteAccount } from '@/lib/dal/privacy/erasure';
import { adminDeleteSchema } from '@/lib/validation/privacy';

export const changeRoleAction = memberAction(changeRoleSchema, { reauth: true }, async ({ userId, role }, { viewer, request, say }) => {
  await changeUserRole(viewer, userId, role, request);
  revalidatePath(`/admin/users/${userId}`);
  return say('admin.user.roleChanged');
});

export const userStatusAction = memberAction(userStatusSchema, { reauth: true }, async ({ userId, status }, { viewer, request, say }) => {
  if (status === 'suspended') await suspendUser(viewer, userId, request);
  else await reactivateUser(viewer, userId, request);
  revalidatePath(`/admin/users/${userId}`);
  return say(status === 'suspended' ? 'admin.user.suspended' : 'admin.user.reactivated');
});

export const focalPointAction = memberAction(focalPointSchema, { reauth: true }, async ({ userId, isFocalPoint }, { viewer, request, say }) => {
  await setFocalPoint(viewer, userId, isFocalPoint, request);
  revalidatePath(`/admin/users/${userId}`);
  return say(isFocalPoint ? 'admin.user.focalPointSet' : 'admin.user.focalPointCleared');
});

export const resetSecondFactorAction = memberAction(resetSecondFactorSchema, { reauth: true }, async ({ userId }, { viewer, request, say }) => {
  await resetSecondFactors(viewer, userId, request);
  revalidatePath(`/admin/users/${userId}`);
  return say('security.admin.done');
});

export const deleteAccountAction = memberAction(adminDeleteSchema, { reauth: true }, async ({ userId }, { viewer, request }) => {
  await adminDeleteAccount(viewer, userId, request);
  revalidatePath('/admin/users');
  redirect('/admin/users');
});

/** Marks the member's quarantine incidents reviewed: the flag on their account clears (audited). */
export const reviewIncidentsAction = memberAction(reviewIncidentsSchema, { reauth: true }, async ({ userId }, { viewer, request, say }) => {
  await reviewIncidents(viewer, userId, request);
  revalidatePath(`/admin/users/${userId}`);
  return say('admin.user.incidents.reviewed');
});
