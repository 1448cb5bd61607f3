/**
 * ACCESS RULES for discussions: THE one rule deciding who may see (and so read, search, count, be
 * notified of, be mentioned in, and post to) a space and everything in it. Every query of lib/dal that
 * touches spaces, threads, posts or notifications applies `spaceAccess(viewer)` in its WHERE clause;
 * fan-out and mention look-ups apply the same rule to other people through `spaceAudience()`.
 *
 *  - moderators and admins: every space;
 *  - open spaces: every active member;
 *  - sector spaces: members of organisations in one of the space's sectors;
 *  - request-only spaces: their members (space_members).
 *
 * Request-only spaces are *listed* to everyone (name and description, to ask to join) through
 * `spaceListing(viewer)`; their threads are not.
 *
 * Threads and their posts: `threadAccess(viewer)` is the space's rule AND the thread's TLP marking
 * (decision 030), which narrows it for everyone, moderators and admins included:
 *  - CLEAR, GREEN: the space's rule alone (the common case: one column compared, no subquery);
 *  - AMBER, AMBER+STRICT: members of the organisations in thread_marking_orgs (the author's own and,
 *    for AMBER, those the author chose);
 *  - RED: the people in thread_marking_people (the author and those the author named; nobody is added
 *    silently, moderators and admins neither).
 * The author always sees their own thread. Every query on threads or posts applies `threadAccess`
 * (spaceAccess alone is for queries on spaces only); fan-out and emails apply `threadAudience()`.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '@/lib/auth/sessions';
import { isModerator } from '@/lib/dal/roles';

/** Who is asking, as SQL values: the viewer (constants) or the rows of a users ⨝ organisations query. */
interface Subject {
  id: SQL;
  role: SQL;
  sector: SQL;
}

// Written with qualified names: drizzle leaves columns unqualified in one-table selects, which would
// bind them to the subquery's table.
function rule(who: Subject): SQL {
  return sql`(${who.role} in ('moderator', 'admin')
    or "spaces"."access" = 'open'
    or ("spaces"."access" = 'sector' and ${who.sector} = any("spaces"."sectors"))
    or ("spaces"."access" = 'request' and exists (
      select 1 from space_members sm where sm.space_id = "spaces"."id" and sm.user_id = ${who.id})))`;
}

/** The condition on `spaces` under which the viewer sees a space and its threads and posts. */
export function spaceAccess(viewer: Viewer): SQL {
  if (isModerator(viewer)) return sql`true`;
  return rule({ id: sql`${viewer.id}::uuid`, role: sql`${viewer.role}::role`, sector: sql`${viewer.sector}::sector` });
}

/** Spaces shown in the list of spaces: those the viewer sees, and request-only spaces they may ask to join. */
export function spaceListing(viewer: Viewer): SQL {
  return sql`(${spaceAccess(viewer)} or "spaces"."access" = 'request')`;
}

/**
 * The same rule applied to other people: the condition on `users` (joined to `organisations`) under
 * which that person sees the space in the query (its `spaces` row must be in scope). Active accounts only.
 */
export function spaceAudience(): SQL {
  return sql`("users"."status" = 'active' and ${rule({ id: sql`"users"."id"`, role: sql`"users"."role"`, sector: sql`"organisations"."sector"` })})`;
}

/** The thread columns and the person the marking rule is checked for. */
interface MarkingSubject {
  id: SQL;
  organisationId: SQL;
}

/**
 * The TLP marking's condition on a thread row (`t` names the threads table or its alias). The EXISTS
 * branches are evaluated only for AMBER and RED rows: lists of GREEN threads cost one comparison.
 */
function markingRule(t: string, who: MarkingSubject): SQL {
  const col = (name: string) => sql.raw(`${t}."${name}"`);
  return sql`(${col('marking')} in ('clear', 'green') or ${col('author_id')} = ${who.id}
    or (${col('marking')} in ('amber', 'amber_strict') and exists (
      select 1 from thread_marking_orgs mo where mo.thread_id = ${col('id')} and mo.organisation_id = ${who.organisationId}))
    or (${col('marking')} = 'red' and exists (
      select 1 from thread_marking_people mp where mp.thread_id = ${col('id')} and mp.user_id = ${who.id})))`;
}

/** Only the thread's TLP marking, for the viewer (a condition on `threads`). */
export function threadMarkingAccess(viewer: Viewer): SQL {
  return markingRule('"threads"', { id: sql`${viewer.id}::uuid`, organisationId: sql`${viewer.organisationId}::uuid` });
}

/** The condition on `threads` ⨝ `spaces` under which the viewer sees a thread and its posts. */
export function threadAccess(viewer: Viewer): SQL {
  return sql`(${spaceAccess(viewer)} and ${threadMarkingAccess(viewer)})`;
}

/**
 * `threadAccess` applied to other people: the condition on `users` (joined to `organisations`, with the
 * thread's `spaces` row in scope) under which that person sees the thread `threadId`.
 */
export function threadAudience(threadId: SQL): SQL {
  return sql`(${spaceAudience()} and exists (select 1 from threads tm where tm.id = ${threadId} and ${markingRule('tm', {
    id: sql`"users"."id"`,
    organisationId: sql`"users"."organisation_id"`,
  })}))`;
}
