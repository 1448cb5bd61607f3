'use client';

import Link from '@/app/_components/link';
import { SearchSnippet } from '@/app/_components/cooked';
import { Isolated } from '@/app/_components/bidi';
import { TlpLabel } from '@/app/_components/tlp-label';
import type { HighlightHtml } from '@/lib/html';
import type { TlpMarking } from '@/lib/values';

/** The few values a resource's list entry is drawn from, worded by the server (ResourceListEntry). */
export interface ResourceEntryValues {
  id: string;
  title: string;
  marking: TlpMarking;
  /** The type's name; "Link" for a link; "By {organisation}, {date}" cut by isolatedParts; the year; "12 downloads". */
  type: string;
  link: string | null;
  by: string[];
  year: number | null;
  downloads: string | null;
  snippet: HighlightHtml | null;
}

/**
 * One resource in a list: title, TLP label, type, organisation, date, downloads and, when searching, the
 * words found. A client component given values (issue 17): a list's flight data carries these, not each
 * entry's markup. Used on /resources, /search, /home and organisation pages, so it translates nothing itself.
 */
export function ResourceEntry({ item, headingLevel }: { item: ResourceEntryValues; headingLevel: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <li className="card space-y-1">
      <Heading className="flex flex-wrap items-center gap-2 font-semibold">
        <Link href={`/resources/${item.id}`} dir="auto">
          {item.title}
        </Link>
        <TlpLabel marking={item.marking} />
      </Heading>
      <p className="text-sm text-slate-700">
        <span className="font-medium">{item.type}</span>
        {item.link ? <> · {item.link}</> : null}
        {' · '}
        <span>
          <Isolated parts={item.by} />
        </span>
        {item.year ? <> · {item.year}</> : null}
        {item.downloads ? <> · {item.downloads}</> : null}
      </p>
      {item.snippet ? <SearchSnippet html={item.snippet} /> : null}
    </li>
  );
}
