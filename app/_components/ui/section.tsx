import type { ReactNode } from 'react';

/**
 * A titled part of a settings-style page: an `h2` that names the region for screen readers
 * (`aria-labelledby`), an optional line of explanation, then the content; `boxed` puts the content on a card.
 */
export function Section({
  id,
  title,
  intro,
  boxed = false,
  children,
}: {
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  boxed?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {intro ? <p className="text-slate-700">{intro}</p> : null}
      </div>
      {boxed ? <div className="rounded-lg border border-slate-200 bg-white p-6">{children}</div> : children}
    </section>
  );
}

/** The grey line shown in a section when it has nothing to list yet. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-800">{children}</p>;
}

/** A page's title (`h1`) with an optional line under it saying what the page is for. */
export function PageHeader({ title, intro, wide = false }: { title: ReactNode; intro?: ReactNode; wide?: boolean }) {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      {intro ? <p className={wide ? 'text-slate-700' : 'max-w-3xl text-slate-700'}>{intro}</p> : null}
    </div>
  );
}
