import 'server-only';
import type { Element, Root } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Markdown is rendered on the server and sanitized ONCE, when it is written; the HTML is stored beside
 * the source ("cooked") and pages never parse markdown. Raw HTML in the source is dropped, only
 * http(s) and mailto links survive, and no script, style, iframe or event handler can get through.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // Images are not embedded from outside (they would leak readers' addresses to other servers).
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['img', 'picture', 'source'].includes(t)),
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), 'rel', 'target'],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dir'],
  },
};

/** Links open safely and carry no referrer; every block gets dir="auto" for mixed-direction text. */
function hardenLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a') {
        node.properties = { ...node.properties, rel: ['nofollow', 'noopener', 'noreferrer', 'ugc'], target: '_blank' };
      }
      if (['p', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th'].includes(node.tagName)) {
        node.properties = { ...node.properties, dir: 'auto' };
      }
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype) // raw HTML in markdown is not passed through
  .use(rehypeSanitize, schema)
  .use(hardenLinks)
  .use(rehypeStringify);

/** Markdown source → sanitized HTML, to store beside the source. */
export async function cookMarkdown(source: string): Promise<string> {
  return String(await processor.process(source));
}

/** Plain text of markdown (for search documents and previews), without markup. */
export function markdownToPlainText(cooked: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return cooked
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (named[e] ?? m),
    )
    .replace(/\s+/g, ' ')
    .trim();
}
