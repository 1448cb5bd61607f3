import { describe, expect, it } from 'vitest';
import { followEdit, markSegments, type Segment } from './highlight-text';

const marked = (segments: Segment[]) => segments.filter((s) => s.marked).map((s) => s.text);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join('');

describe('markSegments', () => {
  it('cuts the text into plain and marked segments, in order', () => {
    const text = 'Call +44 20 7946 0958 or write to a@b.org today';
    const at = text.indexOf('a@b.org');
    const segments = markSegments(text, [
      { start: at, end: at + 7 },
      { start: 5, end: 21 },
    ]);
    expect(segments).toEqual([
      { text: 'Call ', marked: false },
      { text: '+44 20 7946 0958', marked: true },
      { text: ' or write to ', marked: false },
      { text: 'a@b.org', marked: true },
      { text: ' today', marked: false },
    ]);
    expect(joined(segments)).toBe(text);
  });

  it('marks overlapping and touching matches once, as one mark', () => {
    const text = '0123456789abcdef';
    expect(
      markSegments(text, [
        { start: 2, end: 6 },
        { start: 4, end: 9 },
        { start: 9, end: 11 },
        { start: 3, end: 5 },
      ]),
    ).toEqual([
      { text: '01', marked: false },
      { text: '23456789a', marked: true },
      { text: 'bcdef', marked: false },
    ]);
  });

  it('has no segment for an empty text or empty ranges, and clamps ranges past the end', () => {
    expect(markSegments('', [{ start: 0, end: 4 }])).toEqual([]);
    expect(markSegments('abc', [{ start: 1, end: 1 }])).toEqual([{ text: 'abc', marked: false }]);
    expect(markSegments('abc', [{ start: 2, end: 40 }])).toEqual([
      { text: 'ab', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(markSegments('abc', [{ start: 9, end: 12 }])).toEqual([{ text: 'abc', marked: false }]);
  });

  it('never splits a surrogate pair (emoji) or an emoji sequence', () => {
    const text = 'a😀b👩‍👧c';
    // 😀 is two UTF-16 units at 1–2; a range starting or ending inside it takes the whole emoji.
    expect(marked(markSegments(text, [{ start: 2, end: 4 }]))).toEqual(['😀b']);
    expect(marked(markSegments(text, [{ start: 0, end: 2 }]))).toEqual(['a😀']);
    // 👩‍👧 (woman, zero-width joiner, girl) is one character on screen: 4 + 1 + 2 units from 4.
    expect(marked(markSegments(text, [{ start: 4, end: 6 }]))).toEqual(['👩‍👧']);
    for (const s of markSegments(text, [{ start: 5, end: 8 }])) expect(s.text).toBe(s.text.normalize()); // no lone surrogate
    expect(joined(markSegments(text, [{ start: 5, end: 8 }]))).toBe(text);
  });

  it('gives line breaks as the textarea shows them (CR LF and CR as LF), without splitting CR LF', () => {
    const text = 'Line one\r\nCall 020 7946 0958\r\nend\rlast';
    const segments = markSegments(text, [{ start: 15, end: 28 }]);
    expect(joined(segments)).toBe('Line one\nCall 020 7946 0958\nend\nlast');
    expect(marked(segments)).toEqual(['020 7946 0958']);
    // A range ending between CR and LF takes the LF too; one starting there takes the CR.
    expect(marked(markSegments('ab\r\ncd', [{ start: 1, end: 3 }]))).toEqual(['b\n']);
    expect(marked(markSegments('ab\r\ncd', [{ start: 3, end: 5 }]))).toEqual(['\nc']);
  });

  it('keeps right-to-left text whole, with its combining marks', () => {
    const text = 'اتصل بأمها على 0791234567 مساءً';
    const start = text.indexOf('0791234567');
    const segments = markSegments(text, [{ start, end: start + 10 }]);
    expect(marked(segments)).toEqual(['0791234567']);
    expect(joined(segments)).toBe(text);
    // "مساءً" ends with a tanwin (a combining mark): a range ending before it takes it.
    const ending = text.length - 1;
    expect(marked(markSegments(text, [{ start: ending - 4, end: ending }]))).toEqual(['مساءً']);
  });
});

describe('followEdit', () => {
  const before = 'Call 020 7946 0958 or a@b.org';
  const phone = { start: 5, end: 18, kind: 'phone' };
  const email = { start: 22, end: 29, kind: 'email' };

  it('keeps ranges before the edit, moves those after it, and drops those it touched', () => {
    expect(followEdit(before, before, [phone, email])).toEqual([phone, email]);
    const typedBefore = `Please ${before}`;
    expect(followEdit(before, typedBefore, [phone, email])).toEqual([
      { ...phone, start: 12, end: 25 },
      { ...email, start: 29, end: 36 },
    ]);
    expect(followEdit(before, `${before} now`, [phone, email])).toEqual([phone, email]);
    const insidePhone = before.replace('7946', '79461');
    expect(followEdit(before, insidePhone, [phone, email])).toEqual([{ ...email, start: 23, end: 30 }]);
    expect(followEdit(before, before.slice(0, 20), [phone, email])).toEqual([phone]);
  });
});
