/**
 * ACCESS RULES for accounts: a person reads and changes only their own account (`ownAccount`, a
 * condition on `users` that every read and write of lib/dal/accounts and the own-profile functions
 * apply). Anonymous steps (registration, email verification, password reset) reach an account only
 * through a single-use token sent to its owner, never by naming it; their answers never reveal
 * whether an email is registered. The Secretariat manages other people's accounts in lib/dal/console.
 */
import 'server-only';
import { eq, type SQL } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';

/** The viewer's own row of `users`. */
export function ownAccount(viewer: Viewer): SQL {
  return eq(users.id, viewer.id);
}
