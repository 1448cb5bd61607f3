/**
 * ACCESS RULES for notifications: a person sees only their own, and only those about a space they
 * still see, checked at READ time with the discussions' own rule (`threadAccess`,
 * lib/dal/discussions/access.ts): a notification about a thread in a space they have since lost access
 * to is never shown or counted. Join decisions concern request-only spaces, whose name and description
 * everyone may see. Queries using the rule join `threads` and `spaces` as listNotifications does.
 * Notifications about a resource (`resource_marking_lowered`) are shown only while the member sees the
 * resource, by the resource library's own rule (`resourceAccess`, lib/dal/resources/access.ts).
 * Quarantine alerts (`file_quarantined`, decision 024) and temporary suspensions (`member_suspended`,
 * decision 029) are shown only while their owner is an admin; a member's own warnings (`warning`) always.
 */
import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { notifications, resources } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { threadAccess } from '@/lib/dal/discussions/access';
import { resourceAccess } from '@/lib/dal/resources/access';
import { isAdmin } from '@/lib/dal/roles';

/** The condition under which a notification may be shown to its owner now. */
export function notificationAccess(viewer: Viewer): SQL {
  return and(
    eq(notifications.userId, viewer.id),
    // Kinds the member takes by email only leave a row for the mailer, not for the page.
    eq(notifications.inPortal, true),
    sql`(("notifications"."kind" in ('file_quarantined', 'member_suspended') and ${isAdmin(viewer) ? sql`true` : sql`false`})
      or "notifications"."kind" = 'warning'
      or ("notifications"."kind" not in ('file_quarantined', 'member_suspended', 'warning') and (("notifications"."thread_id" is null and "spaces"."access" = 'request') or ("threads"."id" is not null and ${threadAccess(viewer)})
        or ("notifications"."resource_id" is not null and exists (select 1 from ${resources} where ${resources.id} = "notifications"."resource_id" and ${resourceAccess(viewer)})))))`,
  )!;
}
