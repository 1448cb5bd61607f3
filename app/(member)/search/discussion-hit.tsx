'use client';

import Link from '@/app/_components/link';
import type { ReactNode } from 'react';
import { Highlighted } from '@/app/_components/cooked';
import { Isolated } from '@/app/_components/bidi';
import { TlpLabel } from '@/app/_components/tlp-label';
import type { HighlightHtml } from '@/lib/html';
import type { TlpMarking } from '@/lib/values';

/** The few values a discussion search result is drawn from, worded by the server (DiscussionResults). */
export interface DiscussionHitValues {
  href: string;
  language: string;
  titleHtml: HighlightHtml;
  snippetHtml: HighlightHtml;
  marking: TlpMarking;
  /** "In {space}, by {name}, {when}" cut by isolatedParts; "post 4" when not the first. */
  meta: string[];
  post: string | null;
  /** "Only by this author": absent under the Chatham House Rule and when already filtered. */
  byAuthor: { href: string; label: string } | null;
}

/**
 * One discussion search result: title and snippet with the words found (escaped text with <mark>s,
 * lib/html.ts), its marking, language, where and by whom. A client component given values (issue 17).
 */
export function DiscussionHit({ hit, languageLabel }: { hit: DiscussionHitValues; languageLabel?: ReactNode }) {
  return (
    <li className="card space-y-1">
      <h3 className="flex flex-wrap items-center gap-2 font-semibold">
        <Link href={hit.href} dir="auto" lang={hit.language}>
          <Highlighted html={hit.titleHtml} />
        </Link>
        <TlpLabel marking={hit.marking} />
        {languageLabel}
      </h3>
      <p className="text-sm text-slate-700" dir="auto">
        <Highlighted html={hit.snippetHtml} />
      </p>
      <p className="text-xs text-slate-600">
        <Isolated parts={hit.meta} />
        {hit.post ? ` · ${hit.post}` : null}
        {hit.byAuthor ? (
          <>
            {' · '}
            <Link href={hit.byAuthor.href}>{hit.byAuthor.label}</Link>
          </>
        ) : null}
      </p>
    </li>
  );
}
