import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { users } from '@/db/schema';

export interface AdminContact {
  id: string;
  email: string;
  locale: string;
}

/**
 * The Secretariat's active admins, as told of what needs them (a quarantined file, a suspension, an
 * application nobody can endorse). Account locking (lib/dal/console/users.ts lockAccount) takes them
 * with its own row locks.
 */
export async function activeAdmins(tx: Tx): Promise<AdminContact[]> {
  return tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), isNull(users.deletedAt)));
}
