/**
 * Finds what could identify a victim or a case in text a member is about to publish (issue 14): email
 * addresses, phone numbers, postal addresses, dates of birth, case or reference numbers, image-host and
 * file-sharing links. Pure and safe in the browser (no zod, no database): the editor loads it lazily
 * when it is focused, and the data layer runs it again, with personal names (./names.ts, server only),
 * before anything is stored. Patterns lean towards false positives; each refusal is one tick away.
 * Mentions of members (`[@Name](/people/<id>)`) are never matched.
 */

export const IDENTIFYING_KINDS = [
  'email',
  'phone',
  'address',
  'date_of_birth',
  'case_number',
  'image_host_link',
  'file_sharing_link',
  'person_name',
] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

export interface IdentifyingMatch {
  kind: IdentifyingKind;
  /** UTF-16 offsets in the text: text.slice(start, end) === match.text. */
  start: number;
  end: number;
  text: string;
}

const MENTION = /\[@[^\]\n]{1,120}\]\(\/people\/[0-9a-f-]{36}\)/gi;

/** The text with members' mentions blanked out (same length, so offsets hold). */
export function withoutMentions(text: string): string {
  return text.replace(MENTION, (m) => ' '.repeat(m.length));
}

const IMAGE_HOSTS = [
  'imgur.com',
  'imgbb.com',
  'ibb.co',
  'postimg.cc',
  'postimages.org',
  'prnt.sc',
  'prntscr.com',
  'gyazo.com',
  'tinypic.com',
  'photobucket.com',
  'flickr.com',
  'flic.kr',
  'imageshack.com',
  'imagebam.com',
  'imgbox.com',
  'pixhost.to',
  'lensdump.com',
  'catbox.moe',
];
const FILE_HOSTS = [
  'dropbox.com',
  'db.tt',
  'drive.google.com',
  'docs.google.com',
  'mega.nz',
  'mega.io',
  'wetransfer.com',
  'we.tl',
  'mediafire.com',
  'sendspace.com',
  'box.com',
  'onedrive.live.com',
  '1drv.ms',
  'icloud.com',
  'gofile.io',
  'pixeldrain.com',
  'file.io',
  'anonfiles.com',
  'zippyshare.com',
  'transfer.sh',
  'swisstransfer.com',
  'filemail.com',
  'terabox.com',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hostLink = (hosts: string[]) =>
  new RegExp(`(?:https?:\\/\\/)?(?:[a-z0-9-]+\\.)*(?:${hosts.map(escape).join('|')})(?![a-z0-9.-]*[a-z0-9])(?:[/?#][^\\s<>()\\[\\]"']*)?`, 'gi');

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// A run of digits with the separators phone numbers are written with; checked further in isPhone.
const PHONE = /(?<![\w.+/\-@])(?:\+|00)?\(?\d[\d\s().\-/]{5,22}\d(?![\w/\-])|(?<![\w.+/\-@])\+\d{7,15}(?![\w/\-])/g;
const YEAR = /^(?:19|20)\d\d$/;
const CURRENCY_BEFORE = /(?:[$€£¥₹₦]|\b(?:USD|EUR|GBP|CHF|BRL|MXN|XOF|ISBN(?:-1[03])?|ISSN|DOI|v|version))[\s:]*$/i;

function isPhone(text: string, before: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (CURRENCY_BEFORE.test(before.slice(-12))) return false;
  const groups = text.split(/[^\d]+/).filter(Boolean);
  const international = /^(?:\+|00)/.test(text);
  // Ranges of years (2021-2023, 2019/2020) and dates (2024-03-12, 12.03.2024).
  if (groups.every((g) => YEAR.test(g))) return false;
  if (
    groups.length === 3 &&
    !international &&
    groups.some((g) => YEAR.test(g)) &&
    groups.every((g) => g.length <= 4) &&
    /^[\d]+([-./])\d+\1\d+$/.test(text)
  )
    return false;
  // Version numbers (1.12.0.4): dots only, and short groups.
  if (/^[\d.]+$/.test(text) && groups.some((g) => g.length <= 2) && !international) return false;
  // Grouped thousands (10 000 000, 1.250.000): groups of three after the first.
  if (!international && groups.length > 1 && groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3 && !/^0/.test(text)) return false;
  // ISBN-13 without its label.
  if (/^97[89]/.test(digits) && digits.length === 13 && !international) return false;
  // A bare run of digits is a number, not a phone, unless it starts like one (0…, +…).
  if (groups.length === 1 && !international && !/^0/.test(text)) return false;
  return true;
}

const MONTHS =
  'jan(?:uary|vier|eiro)?|feb(?:ruary)?|f[ée]v(?:rier)?|fev(?:ereiro)?|mar(?:ch|s|zo|[çc]o)?|apr(?:il)?|avr(?:il)?|abr(?:il)?|may|mai(?:o)?|mayo|jun(?:e|io|ho)?|juin|jul(?:y|io|ho)?|juil(?:let)?|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sep(?:t(?:ember|iembre)?)?|set(?:embro)?|oct(?:ober|obre)?|out(?:ubro)?|nov(?:ember|embre|embro)?|dec(?:ember)?|d[ée]c(?:embre)?|dic(?:iembre)?|dez(?:embro)?|ene(?:ro)?';
const DATE = `(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}|\\d{1,2}(?:st|nd|rd|th|er|º)?\\s+(?:de\\s+)?(?:${MONTHS})\\.?,?\\s+(?:de\\s+)?\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;
const BIRTH_WORDS =
  'born(?:\\s+on)?|birth\\s*date|date\\s+of\\s+birth|birthday|d\\.?\\s?o\\.?\\s?b\\.?|n[ée]e?(?:\\s+le)?|date\\s+de\\s+naissance|naissance|nacid[oa](?:\\s+el)?|fecha\\s+de\\s+nacimiento|nacimiento|nascid[oa](?:\\s+em)?|data\\s+de\\s+nascimento|nascimento|تاريخ\\s+الميلاد|مواليد|ولد(?:ت)?(?:\\s+في)?';
const DATE_OF_BIRTH = new RegExp(`(?<![\\p{L}])(?:${BIRTH_WORDS})[\\s:,-]{0,4}(?:\\p{L}+\\s+){0,2}?${DATE}`, 'giu');

const CASE_WORDS =
  'case|ref(?:erence)?|file|report|incident|crime|docket|ticket|tip|cybertip(?:line)?(?:\\s+report)?|dossier|affaire|plainte|proc[eè]s-verbal|expediente|caso|causa|denuncia|processo|protocolo|boletim|inqu[eé]rito|قضية|ملف|بلاغ|محضر';
const CASE_ID = '[A-Z0-9][A-Z0-9/_.:-]*\\d[A-Z0-9/_.:-]*';
const CASE_NUMBER = new RegExp(
  `(?<![\\p{L}])(?:${CASE_WORDS})\\s*(?:(?:number|num(?:ber|[ée]ro|ero)?|no\\.?|n[º°o]\\.?|nr\\.?|id|#|رقم)\\s*)?[:#]?\\s*(${CASE_ID})`,
  'giu',
);
// Structured references without a keyword: CR-2023-004512, AB/12345/2023.
const CASE_SHAPED = /(?<![\w/-])[A-Z]{2,5}[-/]\d{2,6}[-/][A-Z]{0,3}\d{3,}(?![\w/-])/g;

function isCaseId(id: string): boolean {
  const clean = id.replace(/[.:/_-]+$/, '');
  const digits = clean.replace(/\D/g, '');
  if (digits.length < 3) return false;
  // "report 2023", "case 1.2": a year or a section number, not a reference.
  if (YEAR.test(clean)) return false;
  if (/^\d{1,2}(?:\.\d{1,2})+$/.test(clean)) return false;
  return true;
}

/** Words of a pattern that match with a capital first letter or without ("Street", "street"). */
const eitherCase = (words: string) =>
  words
    .split('|')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
const STREET_TYPES = eitherCase(
  'street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|close|court|ct|place|pl|square|sq|terrace|crescent|highway|hwy|parkway|pkwy',
);
const ADDRESS_EN = new RegExp(`\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][\\p{L}'’.-]*\\s+){1,4}(?:${STREET_TYPES})\\b\\.?`, 'gu');
const ADDRESS_ROMANCE = new RegExp(
  `(?<![\\p{L}])(?:\\d{1,5}(?:\\s?(?:bis|ter))?,?\\s+)?(?:${eitherCase('rue|avenue|boulevard|bd|chemin|allée|impasse|calle|avenida|av\\.|paseo|plaza|carrera|rua|travessa|praça|estrada|alameda')})\\s+(?:(?:de|du|des|la|le|les|del|do|da|dos|das|d'|l')\\s*){0,2}[\\p{Lu}][\\p{L}'’-]*(?:\\s+[\\p{Lu}][\\p{L}'’-]*){0,3}(?:,?\\s*(?:n[º°o.]?\\s*)?\\d{1,5}\\b)?`,
  'gu',
);
const PO_BOX = /\b(?:P\.?\s?O\.?\s?Box|Postfach|Caixa\s+Postal|Apartado(?:\s+de\s+correos)?|Bo[iî]te\s+postale|BP)\s*\d{1,6}\b/gi;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g;

function* found(pattern: RegExp, text: string, group = 0): Generator<{ start: number; end: number; text: string; before: string }> {
  for (const m of text.matchAll(pattern)) {
    const value = m[group];
    if (!value) continue;
    const start = m.index + (group ? m[0].indexOf(value) : 0);
    const trimmed = value.replace(/[\s.,;:)]+$/, '');
    yield { start, end: start + trimmed.length, text: trimmed, before: text.slice(Math.max(0, start - 20), start) };
  }
}

/** Keeps the earliest, then longest, of overlapping matches. */
export function withoutOverlaps(matches: IdentifyingMatch[]): IdentifyingMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: IdentifyingMatch[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

/**
 * Every match of the patterns (not personal names: ./names.ts), in the order they appear, none
 * overlapping; offsets refer to `text` itself.
 */
export function detectIdentifying(text: string): IdentifyingMatch[] {
  const source = withoutMentions(text);
  const out: IdentifyingMatch[] = [];
  const add = (kind: IdentifyingKind, m: { start: number; end: number }) =>
    out.push({ kind, start: m.start, end: m.end, text: text.slice(m.start, m.end) });
  for (const m of found(hostLink(IMAGE_HOSTS), source)) add('image_host_link', m);
  for (const m of found(hostLink(FILE_HOSTS), source)) add('file_sharing_link', m);
  for (const m of found(EMAIL, source)) add('email', m);
  for (const m of found(DATE_OF_BIRTH, source)) add('date_of_birth', m);
  for (const m of found(CASE_NUMBER, source, 1)) if (isCaseId(m.text)) add('case_number', m);
  for (const m of found(CASE_SHAPED, source)) add('case_number', m);
  // A street name alone ("Avenida Paulista") is not an address; with its number it is.
  for (const pattern of [ADDRESS_EN, ADDRESS_ROMANCE, PO_BOX, UK_POSTCODE])
    for (const m of found(pattern, source)) if (/\d/.test(m.text)) add('address', m);
  // Phone numbers last: a digit run inside a link, an address or a reference is that, not a phone.
  const taken = withoutOverlaps(out);
  for (const m of found(PHONE, source)) {
    const raw = source.slice(m.start, m.end);
    const text = raw.startsWith('(') && !raw.includes(')') ? raw.slice(1) : raw;
    const start = m.end - text.length;
    if (isPhone(text.trim(), m.before) && !taken.some((t) => start < t.end && m.end > t.start)) add('phone', { start, end: m.end });
  }
  return withoutOverlaps(out);
}

/** The kinds among matches, each once, in IDENTIFYING_KINDS order. */
export function kindsOf(matches: readonly { kind: IdentifyingKind }[]): IdentifyingKind[] {
  const present = new Set(matches.map((m) => m.kind));
  return IDENTIFYING_KINDS.filter((k) => present.has(k));
}
