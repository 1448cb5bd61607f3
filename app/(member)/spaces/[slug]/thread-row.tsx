'use client';

import Link from '@/app/_components/link';
import type { ReactNode } from 'react';
import { Isolated } from '@/app/_components/bidi';
import { TlpLabel } from '@/app/_components/tlp-label';
import { Badge, BadgeGroup, type Tone } from '@/app/_components/ui/badge';
import type { TlpMarking } from '@/lib/values';

/** The few values a thread's row in a space is drawn from, worded by the space page. */
export interface ThreadRowValues {
  id: string;
  title: string;
  language: string;
  marking: TlpMarking;
  /** Unread posts, or a new thread: the title in bold. */
  unread: boolean;
  /** Urgent, pinned, locked (ThreadBadges' words and tones), then Chatham House Rule and new / unread. */
  flags: [Tone, string][];
  badges: [Tone, string][];
  urgentReason: string | null;
  replies: string;
  /** "Last post by {name}, {when}" cut by isolatedParts. */
  lastBy: string[];
}

/**
 * One thread in a space's list: title, marking, language, badges, replies and the last post. A client
 * component given values (issue 17): the list's flight data carries these, not each row's markup.
 */
export function ThreadRow({ thread, languageLabel }: { thread: ThreadRowValues; languageLabel?: ReactNode }) {
  return (
    <li className="thread-row">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <Link href={`/threads/${thread.id}`} className={`break-words ${thread.unread ? 'font-semibold' : ''}`} dir="auto" lang={thread.language}>
            {thread.title}
          </Link>
          <TlpLabel marking={thread.marking} />
          {languageLabel}
          <BadgeGroup badges={thread.flags} />
          {thread.badges.map(([tone, label]) => (
            <Badge key={label} tone={tone}>
              {label}
            </Badge>
          ))}
        </p>
        {thread.urgentReason ? (
          <p className="text-sm text-red-900" dir="auto">
            {thread.urgentReason}
          </p>
        ) : null}
      </div>
      <p className="thread-row-meta">
        {thread.replies}
        <br />
        <Isolated parts={thread.lastBy} />
      </p>
    </li>
  );
}
