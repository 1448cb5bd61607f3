import 'server-only';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { config } from '@/lib/config';

/**
 * The emails the file transport wrote (development only: /dev/outbox lists them so a demo user can
 * click the verification link). Files that are not the transport's JSON are skipped.
 */
export interface DevEmail {
  file: string;
  to: string;
  subject: string;
  sentAt: Date;
  /** The http(s) links in the text, in order, without repeats. */
  links: string[];
}

const LINK = /https?:\/\/[^\s<>"')]+/g;

export function linksIn(text: string): string[] {
  // A sentence's full stop after a link is not part of it.
  return [...new Set((text.match(LINK) ?? []).map((l) => l.replace(/[.,;:!?]+$/, '')))];
}

async function readOne(dir: string, file: string): Promise<DevEmail | null> {
  try {
    const full = path.join(dir, file);
    const data = JSON.parse(await readFile(full, 'utf8')) as Record<string, unknown>;
    if (typeof data.to !== 'string' || typeof data.subject !== 'string' || typeof data.text !== 'string') return null;
    const parsed = typeof data.sentAt === 'string' ? new Date(data.sentAt) : null;
    const sentAt = parsed && !Number.isNaN(parsed.getTime()) ? parsed : (await stat(full)).mtime;
    return { file, to: data.to, subject: data.subject, sentAt, links: linksIn(data.text) };
  } catch {
    return null;
  }
}

/** Newest first, at most `limit`. An outbox folder that does not exist yet is simply empty. */
export async function listDevOutbox(dir: string = config().outboxDir, limit = 200): Promise<DevEmail[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const emails = (await Promise.all(files.map((f) => readOne(dir, f)))).filter((e): e is DevEmail => e !== null);
  emails.sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime() || b.file.localeCompare(a.file));
  return emails.slice(0, limit);
}
