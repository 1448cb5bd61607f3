'use client';

import clsx from 'clsx';
import Link from '@/app/_components/link';
import { usePathname } from 'next/navigation';

/**
 * The console's own navigation. The link of the page shown is marked aria-current="page"; on a page
 * inside a section (a user's details), the section's link is marked aria-current="true".
 */
export function AdminNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {links.map((link) => {
          const exact = pathname === link.href;
          const within = !exact && link.href !== '/admin' && pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={exact ? 'page' : within ? 'true' : undefined}
                className={clsx(
                  '-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium no-underline hover:no-underline',
                  exact || within
                    ? 'border-brand-700 text-brand-900'
                    : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
