import { describe, expect, it } from 'vitest';
import { parseHashList } from './hash-list';
import { importBlockedHashesSchema } from './resources';

const sha = 'ab'.repeat(32);
const sha2 = 'cd'.repeat(32);
const md5 = 'ef'.repeat(16);

describe('parseHashList', () => {
  it('reads one hash a line, sha256sum and BSD output, and says why it skipped a line', () => {
    const text = [
      `${sha}  report.pdf`,
      `MD5 (photo.jpg) = ${md5.toUpperCase()}`,
      '# a comment',
      '',
      `${'1'.repeat(40)}`,
      'abc123',
      'hello',
      sha,
    ].join('\n');
    expect(parseHashList(text)).toEqual({
      hashes: [sha, md5],
      skipped: [
        { line: 5, reason: 'sha1' },
        { line: 6, reason: 'otherLength' },
        { line: 7, reason: 'notHash' },
        { line: 8, reason: 'repeated' },
      ],
      noHashColumn: false,
    });
  });

  it('reads CSV by its header: every hash column, quoted cells, other separators', () => {
    const csv = ['id,"Source, name",SHA256,md5', `1,"Hotline, EU",${sha},${md5}`, `2,x,,`, `3,y,${sha2.toUpperCase()},`, '4,z,zzz,'].join('\r\n');
    expect(parseHashList(csv)).toEqual({
      hashes: [sha, md5, sha2],
      skipped: [
        { line: 3, reason: 'notHash' },
        { line: 5, reason: 'notHash' },
      ],
      noHashColumn: false,
    });
    expect(parseHashList(`name;hash_value\nx;${sha}\n`).hashes).toEqual([sha]);
    expect(parseHashList(`file\tsha-256\nx\t${sha}\n`).hashes).toEqual([sha]);
    expect(parseHashList(`hash\n${sha}\n`).hashes).toEqual([sha]);
  });

  it('refuses a CSV whose header names no hash column (a field error on the list)', () => {
    const csv = `id,name,comment\n1,${sha},x\n`;
    expect(parseHashList(csv).noHashColumn).toBe(true);
    const parsed = importBlockedHashesSchema.safeParse({ hashes: csv, note: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['hashes'], message: 'noHashColumn' });
    // A first row of data is not a header.
    expect(parseHashList(`${sha},first\n${md5},second\n`).hashes).toEqual([sha, md5]);
  });
});
