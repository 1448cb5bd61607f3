import { describe, expect, it } from 'vitest';
import { cookMarkdown, markdownToPlainText } from './index';

describe('cookMarkdown', () => {
  it('renders GFM: headings, lists, links, quotes, code and tables', async () => {
    const html = await cookMarkdown(
      '# Title\n\n- one\n- two\n\n> quoted\n\n`code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[site](https://example.org)',
    );
    expect(html).toContain('<h1 dir="auto">Title</h1>');
    expect(html).toContain('<li dir="auto">one</li>');
    expect(html).toContain('<blockquote dir="auto">');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<a href="https:\/\/example.org" rel="nofollow noopener noreferrer ugc" target="_blank">site<\/a>/);
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['[x](javascript:alert(1))', /javascript:/i],
    ['<img src=x onerror=alert(1)>', /onerror|<img/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<a href="https://x" onclick="steal()">x</a>', /onclick/i],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/i],
    ['<div style="position:fixed">overlay</div>', /style=|<div/i],
    ['![tracker](https://evil.example/pixel.png)', /<img/i],
  ])('makes %s inert', async (source, forbidden) => {
    expect(await cookMarkdown(source)).not.toMatch(forbidden);
  });

  it('keeps mailto links and gives plain text for search', async () => {
    const html = await cookMarkdown('Write to [us](mailto:team@example.org) & *soon*');
    expect(html).toContain('href="mailto:team@example.org"');
    expect(markdownToPlainText(html)).toBe('Write to us & soon');
  });
});
