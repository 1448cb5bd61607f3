import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvStream } from './index';

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(text).replace(/^"/, '').startsWith("'"), text).toBe(true);
    }
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(-3)).toBe('-3');
  });

  it('streams the header and every batch, CRLF-ended', async () => {
    async function* batches() {
      yield [{ a: 1 }, { a: 2 }];
      yield [{ a: 3 }];
    }
    const bytes = await new Response(csvStream(['n'], batches(), (r) => [r.a])).arrayBuffer();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(`\uFEFF${csvLine(['n'])}1\r\n2\r\n3\r\n`);
  });
});
