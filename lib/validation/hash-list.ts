/**
 * Reading an imported hash list (decision 024), in the browser and on the server. Accepted:
 * - one hash a line, optionally followed by a name or comment (`sha256sum`/`md5sum` output, `hash,comment`);
 * - BSD style `SHA256 (name) = hash` / `MD5 (name) = hash`;
 * - CSV (comma, semicolon or tab) whose first line names its columns: every column called like
 *   hash, sha256, sha-256, md5, hash_value, sha256_hash, md5_hash, digest or checksum is read.
 * Blank lines and `#` comments are ignored. The block list holds SHA-256 and MD5: anything else is
 * skipped with its line and reason.
 */
export const SKIP_REASONS = ['notHash', 'sha1', 'otherLength', 'repeated'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export interface Skipped {
  line: number;
  reason: SkipReason;
}
/** What an import did: hashes added, hashes already listed, and the lines skipped with why (the first 100). */
export interface ImportReport {
  added: number;
  alreadyListed: number;
  skipped: Skipped[];
  skippedCount: number;
}

export interface ParsedHashList {
  hashes: string[];
  skipped: Skipped[];
  /** A CSV header was found but none of its columns holds hashes. */
  noHashColumn: boolean;
}

const HASH_COLUMN = /^(hash(es|_?value)?|sha-?256(_?hash|sum)?|md5(_?hash|sum)?|digest|checksum)$/;
const BSD = /^(?:SHA-?256|MD5)\s*\(.*\)\s*=\s*([0-9a-f]+)$/i;

/** Splits one CSV line (RFC 4180 quotes) on its separator. */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === separator && !quoted) {
      out.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  out.push(cell);
  return out.map((v) => v.trim());
}

function classify(value: string): { hash: string } | { reason: SkipReason } {
  const v = value.trim().toLowerCase();
  if (/^([0-9a-f]{64}|[0-9a-f]{32})$/.test(v)) return { hash: v };
  if (/^[0-9a-f]{40}$/.test(v)) return { reason: 'sha1' };
  if (/^[0-9a-f]+$/.test(v)) return { reason: 'otherLength' };
  return { reason: 'notHash' };
}

/** The CSV columns holding hashes, when the first line is a header naming them; null when it is not a header. */
function header(line: string): { separator: string; columns: number[] } | null {
  const separator = [',', ';', '\t'].find((s) => line.includes(s));
  if (!separator) return HASH_COLUMN.test(line.trim().toLowerCase()) ? { separator: ',', columns: [0] } : null;
  const names = cells(line, separator);
  if (names.some((n) => 'hash' in classify(n))) return null; // the first row is data
  return { separator, columns: names.flatMap((n, i) => (HASH_COLUMN.test(n.toLowerCase().replace(/[\s"]/g, '')) ? [i] : [])) };
}

export function parseHashList(text: string): ParsedHashList {
  const hashes = new Set<string>();
  const skipped: Skipped[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines.findIndex((l) => l.replace(/#.*$/, '').trim());
  const csv = first >= 0 ? header(lines[first]!) : null;
  if (csv && !csv.columns.length) return { hashes: [], skipped: [], noHashColumn: true };
  const take = (value: string, line: number) => {
    const result = classify(value);
    if ('reason' in result) skipped.push({ line, reason: result.reason });
    else if (hashes.has(result.hash)) skipped.push({ line, reason: 'repeated' });
    else hashes.add(result.hash);
  };
  lines.forEach((raw, index) => {
    if (csv && index <= first) return;
    const line = (csv ? raw : raw.replace(/#.*$/, '')).trim();
    if (!line || line.startsWith('#')) return;
    if (csv) {
      const row = cells(line, csv.separator);
      const values = csv.columns.map((c) => row[c] ?? '').filter(Boolean);
      if (!values.length) skipped.push({ line: index + 1, reason: 'notHash' });
      values.forEach((v) => take(v, index + 1));
      return;
    }
    take(BSD.exec(line)?.[1] ?? line.split(/[\s,;]+/)[0]!, index + 1);
  });
  return { hashes: [...hashes], skipped, noHashColumn: false };
}
