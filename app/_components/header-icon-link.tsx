import Link from 'next/link';
import type { ReactNode } from 'react';

/** An icon link of the header (messages, notifications): the icon's path data, and the name and count it shows. */
export function HeaderIconLink({ href, paths, children }: { href: string; paths: string[]; children: ReactNode }) {
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
