import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightToHtml, HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, LESS_THAN_STAND_IN as LT } from './html';

describe('escapeHtml', () => {
  it('escapes text and attribute delimiters, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
    expect(escapeHtml('financière — مرحبا')).toBe('financière — مرحبا');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('highlightToHtml', () => {
  it('escapes the text before the markers become <mark>', () => {
    expect(highlightToHtml(`a ${S}<b onclick="x">&</b>${E} b`)).toBe('a <mark>&lt;b onclick=&quot;x&quot;&gt;&amp;&lt;/b&gt;</mark> b');
  });

  it('turns the stand-in back into an escaped "<"', () => {
    expect(highlightToHtml(`${LT}script>${S}x${E}`)).toBe('&lt;script&gt;<mark>x</mark>');
  });

  it('never leaves a <mark> unbalanced, whatever the markers', () => {
    expect(highlightToHtml(`${E}x${S}${S}y${E}${E}z${S}`)).toBe('x<mark>y</mark>z<mark></mark>');
    expect(highlightToHtml('plain')).toBe('plain');
  });
});
