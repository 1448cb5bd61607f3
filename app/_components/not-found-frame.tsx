import clsx from 'clsx';
import Link from '@/app/_components/link';

/**
 * The markup of "Page not found", for the server's panels and the root's client one. Inside the member
 * frame it is a plain block (the frame has the main landmark); `main` makes it the page's main landmark
 * where there is no frame (app/not-found.tsx).
 */
export function NotFoundFrame({ main, title, text, href, label }: { main: boolean; title: string; text: string; href: string; label: string }) {
  const Frame = main ? 'main' : 'div';
  return (
    <Frame id={main ? 'main' : undefined} className={clsx('mx-auto max-w-xl space-y-4', main ? 'px-4 py-16' : 'py-8')}>
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      <p className="text-slate-700">{text}</p>
      <Link href={href}>{label}</Link>
    </Frame>
  );
}
