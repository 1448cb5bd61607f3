'use server';

import { publicAction } from '@/lib/actions';
import { unsubscribeWithToken } from '@/lib/dal/notifications/unsubscribe';
import { UserError } from '@/lib/errors';
import { unsubscribeSchema } from '@/lib/validation/notifications';

/** The button on /unsubscribe (the page a person reaches from the link in an email; no sign-in). */
export const unsubscribeAction = publicAction(unsubscribeSchema, { rateLimit: 'lookup' }, async ({ token }, { request, say }) => {
  const done = await unsubscribeWithToken(token, request);
  if (!done) throw new UserError('notify.unsubscribe.invalid');
  return say('notify.unsubscribe.done', { kind: done.kind });
});
