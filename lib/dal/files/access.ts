/**
 * ACCESS RULES for stored files: `fileAccess(viewer)` is the ONE condition that decides which files a
 * viewer may download, built from one branch per purpose (FILE_VISIBILITY), each taken from the rule of
 * the domain that uses the file. /api/files/[id] re-checks it on every request; a file it leaves out
 * does not exist (NotFoundError, a 404). Adding a purpose means adding its branch here (and its serving
 * rules in FILE_SERVING, ./files.ts), nothing else.
 *
 * Whatever the purpose, and for admins too, a file is served only while it is in circulation
 * (`fileInCirculation`, decision 024): not quarantined (block list, malware) and not waiting for its
 * malware scan. `fileState(viewer)` tells pages which of those a file is in.
 */
import 'server-only';
import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { files, organisations, type FilePurpose } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { organisationPageAccess } from '@/lib/dal/directory/access';
import { attachmentAccess } from '@/lib/dal/messages/access';
import { notWithheldByMarking, resourceFileAccess } from '@/lib/dal/resources/access';
import { isAdmin } from '@/lib/dal/roles';

/**
 * Who may download a file of each purpose. Each branch is a condition on `files` (correlated subqueries
 * against the rows that use the file). A purpose whose feature has not defined its rule yet shows to
 * admins only.
 */
const FILE_VISIBILITY: Record<FilePurpose, (viewer: Viewer) => SQL> = {
  // A logo is visible to whoever may open the page of an organisation that shows it (former members too).
  logo: (viewer) =>
    sql`exists (select 1 from ${organisations} where ${organisations.logoFileId} = ${files.id} and ${organisationPageAccess(viewer) ?? sql`true`})`,
  // A resource file: a version of a resource the viewer sees (resourceAccess, lib/dal/resources/access.ts).
  resource: (viewer) => resourceFileAccess(viewer),
  // A direct message's attachment: whom the message reaches (lib/dal/messages/access.ts), nobody else.
  message: (viewer) => attachmentAccess(viewer),
};

/** Not quarantined, and either scanned clean or uploaded while no scanner was configured. */
export function fileInCirculation(): SQL {
  return sql`(${files.quarantinedAt} is null and ${files.scanStatus} in ('clean', 'not_scanned'))`;
}

/**
 * Which files the viewer may download. Admins may download every file in circulation EXCEPT direct
 * messages' attachments, which follow the participants' rule for them as for anyone (decision 023: no
 * admin branch to conversations), and the files of resources whose TLP marking leaves them out
 * (decision 030: a RED file only for the people named).
 */
export function fileAccess(viewer: Viewer): SQL {
  if (isAdmin(viewer))
    return and(fileInCirculation(), or(ne(files.purpose, 'message'), FILE_VISIBILITY.message(viewer)), notWithheldByMarking(viewer))!;
  return and(
    fileInCirculation(),
    or(...(Object.keys(FILE_VISIBILITY) as FilePurpose[]).map((purpose) => and(eq(files.purpose, purpose), FILE_VISIBILITY[purpose](viewer)))),
  )!;
}

/**
 * What a page says of a file it lists: `available`; `pending` (waiting for its malware scan); `removed`
 * (quarantined); `not_scanned` — told to admins only (no scanner was configured when it was uploaded):
 * anyone else reads it as `available`.
 */
export type FileState = 'available' | 'not_scanned' | 'pending' | 'removed';

export function fileState(viewer: Viewer): SQL<FileState> {
  return sql<FileState>`(case
    when ${files.quarantinedAt} is not null or ${files.scanStatus} = 'infected' then 'removed'
    when ${files.scanStatus} = 'pending' then 'pending'
    when ${files.scanStatus} = 'not_scanned' and ${isAdmin(viewer) ? sql`true` : sql`false`} then 'not_scanned'
    else 'available' end)`;
}
