'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { reviewPerson } from '@/lib/dal/reverification/people';
import { reviewPersonSchema } from '@/lib/validation/reverification';

/** "Still works here" or "has left" for one person (focal points of the organisation and admins; audited). */
export const reviewPersonAction = memberAction(reviewPersonSchema, async (input, { viewer, request, say }) => {
  const { name } = await reviewPerson(viewer, input, request);
  revalidatePath(`/organisations/${input.slug}/reverification`);
  return say(input.decision === 'stays' ? 'reverification.confirm.stayed' : 'reverification.confirm.leftDone', { name });
});
