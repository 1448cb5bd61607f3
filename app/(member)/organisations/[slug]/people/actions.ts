'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { declineEndorsement, endorseApplication } from '@/lib/dal/people/endorsement';
import { inviteColleague } from '@/lib/dal/people/invitations';
import { nominateFocalPoint, removeFromOrganisation } from '@/lib/dal/people/staff';
import { declineEndorsementSchema, inviteSchema, personSchema } from '@/lib/validation/people';

// Access (the organisation's focal points and admins) is checked in lib/dal/people.

export const endorseAction = memberAction(personSchema, async ({ userId }, { viewer, request, say }) => {
  await endorseApplication(viewer, userId, request);
  return say('people.applications.endorsed');
});

export const declineEndorsementAction = memberAction(declineEndorsementSchema, async ({ userId, reason }, { viewer, request, say }) => {
  await declineEndorsement(viewer, userId, reason, request);
  return say('people.applications.declined');
});

export const inviteAction = memberAction(inviteSchema, async ({ organisationId, email }, { viewer, request, say }) => {
  await inviteColleague(viewer, { organisationId, email, locale: await getLocale() }, request);
  return say('people.invite.sent', { email });
});

export const removePersonAction = memberAction(personSchema, { reauth: true }, async ({ userId }, { viewer, request, say }) => {
  await removeFromOrganisation(viewer, userId, request);
  revalidatePath('/organisations/[slug]/people', 'page');
  return say('people.members.removed');
});

export const nominateAction = memberAction(personSchema, async ({ userId }, { viewer, request, say }) => {
  await nominateFocalPoint(viewer, userId, request);
  return say('people.members.nominated');
});
