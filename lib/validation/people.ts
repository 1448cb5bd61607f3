import { ENDORSEMENT_WAIT_CHOICES } from '@/db/values';
import { z } from 'zod';
import { checkbox, email, uuid } from './fields';
import { multiLine } from './text';

/** A focal point's people page (decision 018). */
export const inviteSchema = z.object({ organisationId: uuid, email });
export const personSchema = z.object({ userId: uuid });
export const declineEndorsementSchema = z.object({ userId: uuid, reason: multiLine(1000) });
export const nominationDecisionSchema = z.object({ nominationId: uuid, confirm: z.enum(['true', 'false'], { error: 'invalidChoice' }) });

export { ENDORSEMENT_WAIT_CHOICES };
export const peopleSettingsSchema = z.object({
  endorsementWaitDays: z.enum(ENDORSEMENT_WAIT_CHOICES, { error: 'invalidChoice' }).transform(Number),
  invitationsSkipApproval: checkbox,
});
