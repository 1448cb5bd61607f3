'use server';

import { signOutCurrentSession } from '@/lib/auth/sign-out';

/** Ends this session (its row is revoked, the cookie cleared) and returns to sign-in. */
export async function signOutAction(): Promise<void> {
  await signOutCurrentSession();
}
