/**
 * Personal names in text, found by compromise (a maintained English NLP library: its tagger knows
 * common first names and honorifics; other languages are covered where names follow the same shape).
 * Server only: the library is about 140 kB gzipped, too heavy for the editor's bundle, so the editor
 * shows names only after the server has checked the text (decision 028).
 */
import 'server-only';
import nlp from 'compromise';
import { withoutMentions, type IdentifyingMatch } from './detect';

/**
 * Full names (two words or more): a first name alone ("Thanks Sofia") is how members address each
 * other and would flag most replies. Mentions of members are left out.
 */
export function detectNames(text: string): IdentifyingMatch[] {
  const source = withoutMentions(text);
  const people = nlp(source).people().json({ offset: true }) as { text: string; offset: { start: number } }[];
  const out: IdentifyingMatch[] = [];
  for (const person of people) {
    const name = person.text.replace(/[^\p{L}\p{M}.]+$/u, '');
    if (name.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length < 2) continue;
    const start = person.offset.start;
    if (source.slice(start, start + name.length) !== name) continue;
    out.push({ kind: 'person_name', start, end: start + name.length, text: name });
  }
  return out;
}
