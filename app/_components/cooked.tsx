import clsx from 'clsx';
import type { HighlightHtml } from '@/lib/html';

/**
 * The only two places the portal puts HTML into a page (ESLint's react/no-danger allows this file alone):
 *
 * - `Cooked`: markdown that was cooked (rendered and sanitized by lib/markdown) when it was written and
 *   stored beside its source — posts and their earlier versions, the editor's preview (cooked by the
 *   server exactly as it would be stored), bios, organisation and resource descriptions. Styled by the
 *   `cooked` class (app/globals.css).
 * - `Highlighted`: a search title or snippet from highlightToHtml (lib/html.ts): escaped text with
 *   <mark> around the matches. Its type can only come from that function.
 *
 * User text is always rendered with dir="auto" (Arabic and English side by side).
 */
export function Cooked({ html, className }: { html: string; className?: string }) {
  return <div dir="auto" className={clsx('cooked', className)} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function Highlighted({ html, className }: { html: HighlightHtml; className?: string }) {
  return <span dir="auto" className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The words a search found, in context, as a list entry shows them under its title. */
export function SearchSnippet({ html }: { html: HighlightHtml }) {
  return (
    <p className="text-sm text-slate-700 [&_mark]:bg-amber-100" dir="auto">
      … <Highlighted html={html} /> …
    </p>
  );
}
