'use client';

import Link from '@/app/_components/link';
import type { ReactNode } from 'react';

/** The header's icons' path data (Lucide's bell and message-square), kept in the browser's code: every page's data names the icon rather than carrying its drawing (issue 17). */
const ICONS = {
  notifications: ['M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9', 'M10.3 21a1.94 1.94 0 0 0 3.4 0'],
  messages: ['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z'],
} as const;

/** An icon link of the header (messages, notifications): the icon, and the name and count it shows. */
export function HeaderIconLink({ href, icon, children }: { href: string; icon: keyof typeof ICONS; children: ReactNode }) {
  const paths = ICONS[icon];
  return (
    <Link href={href} className="header-icon">
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
      {children}
    </Link>
  );
}
