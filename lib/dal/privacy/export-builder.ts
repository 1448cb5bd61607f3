/**
 * What the portal holds about one person, gathered for their export (decision 020). Every query is
 * keyed on the person's own id: an export only ever holds its owner's data, and the job that calls this
 * takes the id from the owner's own export row.
 */
import 'server-only';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import yazl from 'yazl';
import { getDb } from '@/db';
import {
  auditLog,
  conversationParticipants,
  conversations,
  directMessageAttachments,
  directMessages,
  files,
  memberBlocks,
  notificationPreferences,
  notifications,
  organisations,
  posts,
  resources,
  resourceVersions,
  secondFactors,
  sessions,
  spaceFollows,
  spaceMembers,
  spaces,
  threadFollows,
  threads,
  users,
} from '@/db/schema';
import { storage } from '@/lib/storage';
import { fileInCirculation } from '@/lib/dal/files/access';

/** The person's records, one JSON file per kind. */
async function collect(userId: string): Promise<Record<string, unknown>> {
  const db = getDb();
  const [profile] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      jobTitle: users.jobTitle,
      role: users.role,
      isFocalPoint: users.isFocalPoint,
      status: users.status,
      organisation: organisations.name,
      reason: users.reason,
      locale: users.locale,
      timeZone: users.timeZone,
      pronouns: users.pronouns,
      bio: users.bio,
      phone: users.phone,
      languages: users.languages,
      expertise: users.expertise,
      listed: users.listed,
      showEmail: users.showEmail,
      showPhone: users.showPhone,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  const [
    memberships,
    spacesFollowed,
    threadsFollowed,
    ownThreads,
    ownPosts,
    ownResources,
    ownNotifications,
    ownSessions,
    factors,
    preferences,
    auditRows,
    ownConversations,
    ownMessages,
    ownBlocks,
  ] = await Promise.all([
    db
      .select({ space: spaces.name, slug: spaces.slug, isManager: spaceMembers.isManager })
      .from(spaceMembers)
      .innerJoin(spaces, eq(spaces.id, spaceMembers.spaceId))
      .where(eq(spaceMembers.userId, userId)),
    db
      .select({ space: spaces.name, slug: spaces.slug })
      .from(spaceFollows)
      .innerJoin(spaces, eq(spaces.id, spaceFollows.spaceId))
      .where(eq(spaceFollows.userId, userId)),
    db.select({ threadId: threadFollows.threadId }).from(threadFollows).where(eq(threadFollows.userId, userId)),
    db
      .select({ id: threads.id, title: threads.title, language: threads.language, space: spaces.name, createdAt: threads.createdAt })
      .from(threads)
      .innerJoin(spaces, eq(spaces.id, threads.spaceId))
      .where(eq(threads.authorId, userId))
      .orderBy(asc(threads.createdAt)),
    db
      .select({
        id: posts.id,
        threadId: posts.threadId,
        number: posts.number,
        body: posts.body,
        createdAt: posts.createdAt,
        editedAt: posts.editedAt,
        deletedAt: posts.deletedAt,
      })
      .from(posts)
      .where(eq(posts.authorId, userId))
      .orderBy(asc(posts.createdAt)),
    db
      .select({
        id: resources.id,
        title: resources.title,
        description: resources.description,
        type: resources.type,
        topics: resources.topics,
        languages: resources.languages,
        year: resources.year,
        visibility: resources.visibility,
        url: resources.url,
        createdAt: resources.createdAt,
      })
      .from(resources)
      .where(eq(resources.contributorId, userId))
      .orderBy(asc(resources.createdAt)),
    db
      .select({
        kind: notifications.kind,
        threadId: notifications.threadId,
        postId: notifications.postId,
        resourceId: notifications.resourceId,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.createdAt)),
    db
      .select({
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        revokedAt: sessions.revokedAt,
        ip: sessions.ip,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt)),
    db
      .select({ kind: secondFactors.kind, name: secondFactors.name, createdAt: secondFactors.createdAt, lastUsedAt: secondFactors.lastUsedAt })
      .from(secondFactors)
      .where(eq(secondFactors.userId, userId)),
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    db
      .select({
        at: auditLog.at,
        action: auditLog.action,
        actorId: auditLog.actorId,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        ip: auditLog.ip,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(or(eq(auditLog.actorId, userId), and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, userId))))
      .orderBy(asc(auditLog.id)),
    // Direct messages (decision 023): the conversations the person took part in and what they wrote;
    // other participants' messages are theirs, not part of this person's export.
    db
      .select({
        conversationId: conversationParticipants.conversationId,
        subject: conversations.subject,
        isGroup: conversations.isGroup,
        joinedAt: conversationParticipants.joinedAt,
        leftAt: conversationParticipants.leftAt,
        muted: conversationParticipants.muted,
      })
      .from(conversationParticipants)
      .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
      .where(eq(conversationParticipants.userId, userId))
      .orderBy(asc(conversationParticipants.joinedAt)),
    db
      .select({
        id: directMessages.id,
        conversationId: directMessages.conversationId,
        number: directMessages.number,
        body: directMessages.body,
        createdAt: directMessages.createdAt,
        editedAt: directMessages.editedAt,
        deletedAt: directMessages.deletedAt,
      })
      .from(directMessages)
      .where(eq(directMessages.authorId, userId))
      .orderBy(asc(directMessages.createdAt)),
    db.select({ blockedId: memberBlocks.blockedId, createdAt: memberBlocks.createdAt }).from(memberBlocks).where(eq(memberBlocks.blockerId, userId)),
  ]);
  return {
    profile,
    memberships: { spaces: memberships, spacesFollowed, threadsFollowed },
    threads: ownThreads,
    posts: ownPosts,
    resources: ownResources,
    notifications: ownNotifications,
    notificationPreferences: preferences,
    sessions: ownSessions,
    secondFactors: factors,
    audit: auditRows,
    conversations: ownConversations,
    directMessages: ownMessages,
    blocks: ownBlocks,
  };
}

/** The files of the person's resources (every version still in circulation), named in the zip by version id and a safe name. */
async function resourceFiles(userId: string) {
  return getDb()
    .select({
      versionId: resourceVersions.id,
      resourceId: resourceVersions.resourceId,
      number: resourceVersions.number,
      key: files.storageKey,
      name: files.originalName,
    })
    .from(resourceVersions)
    .innerJoin(files, eq(files.id, resourceVersions.fileId))
    .where(
      and(
        inArray(resourceVersions.resourceId, getDb().select({ id: resources.id }).from(resources).where(eq(resources.contributorId, userId))),
        // A quarantined file (block list, malware) never leaves the portal again, and one waiting for its scan not yet (decision 024).
        fileInCirculation(),
      ),
    )
    .orderBy(asc(resourceVersions.resourceId), asc(resourceVersions.number));
}

/** The files the person attached to their own direct messages (decision 027), still in circulation, of messages not deleted. */
async function messageFiles(userId: string) {
  return getDb()
    .select({
      messageId: directMessageAttachments.messageId,
      position: directMessageAttachments.position,
      key: files.storageKey,
      name: files.originalName,
    })
    .from(directMessageAttachments)
    .innerJoin(directMessages, eq(directMessages.id, directMessageAttachments.messageId))
    .innerJoin(files, eq(files.id, directMessageAttachments.fileId))
    .where(and(eq(directMessages.authorId, userId), isNull(directMessages.deletedAt), fileInCirculation()))
    .orderBy(asc(directMessages.createdAt), asc(directMessageAttachments.position));
}

/** A file name safe in any unzip tool: no directories, no control characters. */
export function zipSafeName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_');
  return cleaned.slice(-120) || 'file';
}

/** Writes the person's export to `path` as a zip: one JSON file per kind, their resources' files and their messages' attachments. */
export async function writeExportZip(userId: string, path: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = pipeline(zip.outputStream, createWriteStream(path));
  for (const [name, value] of Object.entries(await collect(userId))) {
    zip.addBuffer(Buffer.from(JSON.stringify(value, null, 2)), `${name}.json`);
  }
  const add = async (key: string, path: string) => {
    const body = await storage().get(key);
    zip.addReadStream(body instanceof Readable ? body : Readable.from(body), path);
  };
  for (const file of await resourceFiles(userId)) await add(file.key, `files/${file.resourceId}/v${file.number}-${zipSafeName(file.name)}`);
  for (const file of await messageFiles(userId)) await add(file.key, `messages/${file.messageId}/${file.position + 1}-${zipSafeName(file.name)}`);
  zip.end();
  await done;
}
