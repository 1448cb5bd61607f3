/**
 * Mentions are markdown links to a person's page whose text starts with "@": `[@Sofia Marín](/people/<id>)`.
 * The editor's type-ahead inserts them; the post job notifies the people named (if they see the space).
 */
const MENTION = /\[@[^\]\n]{1,120}\]\(\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

export function mentionedUserIds(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION)) ids.add(match[1]!.toLowerCase());
  return [...ids].slice(0, 20);
}

export function mentionMarkdown(name: string, id: string): string {
  return `[@${name.replace(/[[\]\n]/g, ' ').trim()}](/people/${id})`;
}

/** A post quoted into a reply: its source, each line prefixed with "> ", under the author's name. */
export function quoteMarkdown(name: string, body: string): string {
  const quoted = body
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `> **${name.replace(/[*_[\]\n]/g, ' ').trim()}:**\n>\n${quoted}\n\n`;
}
