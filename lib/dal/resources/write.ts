/**
 * Access: changes to the resource library. Members contribute for their own organisation (admins
 * for any active one). Editing, deleting (soft) and adding versions need resourceAccess AND
 * resourceEditable in the same query (the contributor, their organisation's focal points, admins);
 * anything else is NotFoundError. Every change is audited in its transaction. A new or changed description
 * is checked for what could identify a victim or a case (lib/identifying: refused unless acknowledged).
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { expertiseAreas, organisations, resourceVersions, resources, spaces } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError, UserError } from '@/lib/errors';
import { recordAcknowledged, screenIdentifying } from '@/lib/identifying/check';
import { enqueueJob } from '@/lib/jobs';
import { cookMarkdown, markdownToPlainText } from '@/lib/markdown';
import type { RequestInfo } from '@/lib/request';
import type { AddVersionInput, CreateResourceInput, UpdateResourceInput } from '@/lib/validation/resources';
import { isUuid } from '@/lib/dal/pagination';
import { resourceAccess, resourceEditable } from './access';
import { claimUnattachedFile } from './files';
import { checkedMarking, notifyMarkingLowered, resourceMarkingLists, widens, writeResourceMarking } from '@/lib/dal/markings';
import { markingOf } from '@/lib/validation/markings';
import { spaceAccess } from '@/lib/dal/discussions/access';
import { isAdmin } from '@/lib/dal/roles';

async function checkTopics(tx: Tx, topics: string[]): Promise<void> {
  if (!topics.length) return;
  const known = await tx.select({ slug: expertiseAreas.slug }).from(expertiseAreas).where(inArray(expertiseAreas.slug, topics));
  if (known.length !== new Set(topics).size) throw new UserError('validation.invalidChoice', 'topics');
}

async function described(markdown: string) {
  const html = await cookMarkdown(markdown);
  return { description: markdown, descriptionHtml: html, descriptionText: markdownToPlainText(html).slice(0, 20000) };
}

/** The visibility columns; a space must be one the contributor reads themselves (spaceAccess). */
async function visibilityFields(tx: Tx, viewer: Viewer, input: Pick<CreateResourceInput, 'visibility' | 'sectors' | 'spaceId'>) {
  let spaceId: string | null = null;
  if (input.visibility === 'space') {
    const [space] = await tx
      .select({ id: spaces.id })
      .from(spaces)
      .where(and(eq(spaces.id, input.spaceId!), spaceAccess(viewer)));
    if (!space) throw new UserError('validation.invalidChoice', 'spaceId');
    spaceId = space.id;
  }
  return { visibility: input.visibility, sectors: input.visibility === 'sectors' ? [...new Set(input.sectors)] : [], spaceId };
}

/** Queues text extraction when the file is a PDF (search covers its text). */
async function afterNewFile(tx: Tx, resourceId: string, contentType: string) {
  if (contentType === 'application/pdf') await enqueueJob('resources.extractText', { resourceId }, { tx });
}

export async function createResource(viewer: Viewer, input: CreateResourceInput, request: RequestInfo): Promise<string> {
  const identifying = screenIdentifying(input.description, input.identifyingChecked, 'description');
  const cooked = await described(input.description);
  return getDb().transaction(async (tx) => {
    let organisationId = viewer.organisationId;
    if (isAdmin(viewer) && input.organisationId && input.organisationId !== viewer.organisationId) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.id, input.organisationId), eq(organisations.status, 'active')));
      if (!org) throw new UserError('validation.invalidChoice', 'organisationId');
      organisationId = org.id;
    }
    await checkTopics(tx, input.topics);
    const file = input.kind === 'file' ? await claimUnattachedFile(tx, viewer, input.fileId!).catch(() => null) : null;
    if (input.kind === 'file' && !file) throw new UserError('resources.errors.uploadAgain', 'file');
    const marking = await checkedMarking(tx, markingOf(input));

    const [row] = await tx
      .insert(resources)
      .values({
        organisationId,
        contributorId: viewer.id,
        title: input.title,
        ...cooked,
        type: input.type,
        topics: [...new Set(input.topics)],
        languages: [...new Set(input.languages)],
        year: input.year ?? null,
        ...(await visibilityFields(tx, viewer, input)),
        marking: marking.marking,
        url: input.kind === 'link' ? input.url! : null,
        currentFileId: file?.id ?? null,
        versionCount: file ? 1 : 0,
      })
      .returning({ id: resources.id });
    const id = row!.id;
    await writeResourceMarking(tx, id, marking);
    if (file) {
      await tx.insert(resourceVersions).values({ resourceId: id, number: 1, fileId: file.id, createdBy: viewer.id });
      await afterNewFile(tx, id, file.contentType);
    }
    await audit(
      {
        action: 'resource.created',
        actorId: viewer.id,
        targetType: 'resource',
        targetId: id,
        ip: request.ip,
        details: {
          organisationId,
          kind: input.kind,
          fileId: file?.id ?? null,
          visibility: input.visibility,
          sectors: input.sectors,
          spaceId: input.spaceId ?? null,
          marking: marking.marking,
          markingOrganisations: marking.organisations,
          markingPeople: marking.people,
        },
      },
      tx,
    );
    await recordAcknowledged(tx, viewer, identifying, { type: 'resource', id }, request.ip);
    return id;
  });
}

/** The resource, locked, when the viewer may see and change it; NotFoundError otherwise. */
async function editableResource(tx: Tx, viewer: Viewer, unsafeId: string) {
  if (!isUuid(unsafeId)) throw new NotFoundError('resource');
  const [row] = await tx
    .select()
    .from(resources)
    .where(and(eq(resources.id, unsafeId), resourceAccess(viewer), resourceEditable(viewer)))
    .for('update');
  if (!row) throw new NotFoundError('resource');
  return row;
}

export async function updateResource(viewer: Viewer, input: UpdateResourceInput, request: RequestInfo): Promise<string[]> {
  const cooked = await described(input.description);
  return getDb().transaction(async (tx) => {
    const current = await editableResource(tx, viewer, input.resourceId);
    const identifying =
      current.description === input.description ? [] : screenIdentifying(input.description, input.identifyingChecked, 'description');
    await checkTopics(tx, input.topics);
    if (current.url && !input.url) throw new UserError('validation.required', 'url');
    const from = await resourceMarkingLists(tx, current.id, current.marking);
    const to = await checkedMarking(
      tx,
      input.marking === undefined
        ? { marking: from.marking, markingOrganisations: from.organisations, markingPeople: from.people }
        : { marking: input.marking, markingOrganisations: input.markingOrganisations ?? [], markingPeople: input.markingPeople ?? [] },
    );
    const markingChanged =
      from.marking !== to.marking ||
      JSON.stringify([...from.organisations].sort()) !== JSON.stringify([...to.organisations].sort()) ||
      JSON.stringify([...from.people].sort()) !== JSON.stringify([...to.people].sort());
    if (markingChanged) {
      const lowered = widens(from, to);
      await tx.update(resources).set({ marking: to.marking }).where(eq(resources.id, current.id));
      await writeResourceMarking(tx, current.id, to);
      await audit(
        {
          action: 'resource.marking_changed',
          actorId: viewer.id,
          targetType: 'resource',
          targetId: current.id,
          ip: request.ip,
          details: { from: from.marking, to: to.marking, lowered, organisations: to.organisations, people: to.people },
        },
        tx,
      );
      // Lowered by someone else (a focal point, an admin): the contributor is told, as a thread's author is.
      if (lowered && current.contributorId !== viewer.id)
        await notifyMarkingLowered(tx, { resourceId: current.id }, current.contributorId, viewer.id);
    }
    const next = {
      title: input.title,
      ...cooked,
      type: input.type,
      topics: [...new Set(input.topics)],
      languages: [...new Set(input.languages)],
      year: input.year ?? null,
      ...(await visibilityFields(tx, viewer, input)),
      url: current.url ? input.url! : null,
    };
    const changed: string[] = [
      ...(Object.keys(next) as (keyof typeof next)[]).filter(
        (k) => !['descriptionHtml', 'descriptionText'].includes(k) && JSON.stringify(current[k]) !== JSON.stringify(next[k]),
      ),
      ...(markingChanged ? ['marking'] : []),
    ];
    if (!changed.length) return [];
    await tx
      .update(resources)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(resources.id, current.id));
    await audit(
      {
        action: 'resource.updated',
        actorId: viewer.id,
        targetType: 'resource',
        targetId: current.id,
        ip: request.ip,
        details: {
          changed,
          ...(changed.some((k) => ['visibility', 'sectors', 'spaceId'].includes(k))
            ? { visibility: next.visibility, sectors: next.sectors, spaceId: next.spaceId }
            : {}),
        },
      },
      tx,
    );
    await recordAcknowledged(tx, viewer, identifying, { type: 'resource', id: current.id }, request.ip);
    return changed;
  });
}

/** Soft delete: the resource and its files disappear for everyone; the rows and bytes stay for the record. */
export async function deleteResource(viewer: Viewer, unsafeId: string, request: RequestInfo): Promise<void> {
  await getDb().transaction(async (tx) => {
    const current = await editableResource(tx, viewer, unsafeId);
    await tx.update(resources).set({ deletedAt: new Date(), deletedBy: viewer.id }).where(eq(resources.id, current.id));
    await audit(
      {
        action: 'resource.deleted',
        actorId: viewer.id,
        targetType: 'resource',
        targetId: current.id,
        ip: request.ip,
        details: { title: current.title },
      },
      tx,
    );
  });
}

/** Attaches the viewer's freshly uploaded file as the newest version; earlier versions stay downloadable. */
export async function addResourceVersion(viewer: Viewer, input: AddVersionInput, request: RequestInfo): Promise<number> {
  return getDb().transaction(async (tx) => {
    const current = await editableResource(tx, viewer, input.resourceId);
    if (current.url) throw new NotFoundError('resource');
    const file = await claimUnattachedFile(tx, viewer, input.fileId!).catch(() => null);
    if (!file) throw new UserError('resources.errors.uploadAgain', 'file');
    const number = current.versionCount + 1;
    await tx.insert(resourceVersions).values({ resourceId: current.id, number, fileId: file.id, note: input.note, createdBy: viewer.id });
    await tx
      .update(resources)
      .set({ currentFileId: file.id, versionCount: number, extractedText: '', updatedAt: sql`now()` })
      .where(eq(resources.id, current.id));
    await afterNewFile(tx, current.id, file.contentType);
    await audit(
      {
        action: 'resource.version_added',
        actorId: viewer.id,
        targetType: 'resource',
        targetId: current.id,
        ip: request.ip,
        details: { number, fileId: file.id },
      },
      tx,
    );
    return number;
  });
}
