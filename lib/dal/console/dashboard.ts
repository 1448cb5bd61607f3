import 'server-only';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { isAdmin } from '@/lib/dal/roles';

/** Applications waiting for review: admins only (null for everyone else). */
export async function pendingApplicationCount(viewer: Viewer): Promise<number | null> {
  if (!isAdmin(viewer)) return null;
  const [row] = await getDb().select({ n: count() }).from(users).where(eq(users.status, 'pending'));
  return row?.n ?? 0;
}
