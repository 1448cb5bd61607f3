import { z } from 'zod';
import { checkbox, email, uuid } from './fields';
import { multiLine } from './text';

/** A focal point's people page (decision 018). */
export const inviteSchema = z.object({ organisationId: uuid, email });
export const personSchema = z.object({ userId: uuid });
export const declineEndorsementSchema = z.object({ userId: uuid, reason: multiLine(1000) });
export const nominationDecisionSchema = z.object({ nominationId: uuid, confirm: z.enum(['true', 'false'], { error: 'invalidChoice' }) });

/** The choices the console offers for how long an application waits for its focal point. */
export const ENDORSEMENT_WAIT_CHOICES = ['0', '1', '2', '3', '5', '7', '10', '14', '21', '30'] as const;
export const peopleSettingsSchema = z.object({
  endorsementWaitDays: z.enum(ENDORSEMENT_WAIT_CHOICES, { error: 'invalidChoice' }).transform(Number),
  invitationsSkipApproval: checkbox,
});
