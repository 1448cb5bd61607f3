'use client';

import Link from '@/app/_components/link';
import type { ReactNode } from 'react';
import { NavLink } from './nav-link';

/**
 * The member header's frame, drawn in the browser from a few values: every signed-in page's data carries
 * these words and links rather than the header's element tree (issue 17). `children` are the header's
 * own controls (messages, notifications, the person's menu).
 */
export function MemberHeaderFrame({
  appName,
  navLabel,
  links,
  demoNotice,
  children,
}: {
  appName: string;
  navLabel: string;
  links: { href: string; label: string }[];
  demoNotice?: string;
  children: ReactNode;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* One row on wide screens; on phones the navigation gets its own row and scrolls sideways. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link href="/home" className="shrink-0 font-semibold text-brand-900 no-underline">
          {appName}
        </Link>
        <nav aria-label={navLabel} className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-4 md:order-none md:mx-0 md:w-auto md:px-0">
          <ul className="flex items-center gap-1 whitespace-nowrap">
            {links.map((l) => (
              <li key={l.href}>
                <NavLink href={l.href}>{l.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ms-auto flex shrink-0 items-center gap-1">{children}</div>
      </div>
      {demoNotice ? <p className="bg-amber-50 px-4 py-1 text-center text-xs text-amber-900">{demoNotice}</p> : null}
    </header>
  );
}
