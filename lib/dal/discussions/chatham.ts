/**
 * The Chatham House Rule (decision 031). A thread runs under it when its own flag is set (chosen when it
 * is started, always set in a Chatham House space) or its space's flag is. Under it, no read of lib/dal
 * gives anyone but the author the author's id, name, organisation or profile: the author fields are
 * null and `chathamAuthor` (sector and region of the author's organisation) stands in their place.
 * The author's own id is kept for the author (it tells them the post is theirs, and reveals nothing).
 * Moderators see the label too; they may reveal the author of a reported post only
 * (moderation.ts: revealReportedAuthor, audited).
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Sector } from '@/db/schema';
import { regionOf, type Region } from '@/lib/i18n/regions';

export interface ChathamAuthor {
  sector: Sector;
  /** The region of the organisation's country; null when it has none (intergovernmental) or an unknown one. */
  region: Region | null;
}

/** Whether the thread in scope (`threads` joined to `spaces`) runs under the rule. */
export function underChatham(): SQL<boolean> {
  return sql<boolean>`("threads"."chatham_house" or "spaces"."chatham_house")`;
}

/** The label that replaces an author under the rule, or null outside it. */
export function chathamLabel(chatham: boolean, sector: Sector, country: string | null): ChathamAuthor | null {
  return chatham ? { sector, region: regionOf(country) } : null;
}

/**
 * The author's fields as the viewer may have them: unchanged outside the rule; under it, the id only
 * when it is the viewer's own, and every other field null.
 */
export function maskedAuthorId(chatham: boolean, authorId: string, viewerId: string): string | null {
  return chatham && authorId !== viewerId ? null : authorId;
}
export function masked<T>(chatham: boolean, value: T): T | null {
  return chatham ? null : value;
}
