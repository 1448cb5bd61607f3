/**
 * Markdown that was cooked (rendered and sanitized) when it was written. This is the only place the
 * directory renders HTML from user text, and only from a cooked column.
 */
export function Cooked({ html }: { html: string }) {
  return (
    <div
      dir="auto"
      className="space-y-3 break-words [&_a]:underline [&_blockquote]:border-s-4 [&_blockquote]:border-slate-300 [&_blockquote]:ps-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:ps-6 [&_ul]:list-disc [&_ul]:ps-6"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
