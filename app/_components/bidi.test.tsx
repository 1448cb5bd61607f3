import { renderToStaticMarkup } from 'react-dom/server';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { isolated } from './bidi';

describe('isolated', () => {
  const t = createTranslator({
    locale: 'ar',
    messages: {
      welcome: 'مرحبًا، {name}',
      meta: '{space} · {name} · {when}',
      count: '{count, plural, zero {لا ردود} one {رد واحد} two {ردان} few {# ردود} many {# ردًا} other {# رد}} من {name}',
    } as Record<string, string>,
  });

  it('puts each text value in a <bdi>, leaving the sentence around it as it is', () => {
    expect(renderToStaticMarkup(<>{isolated(t, 'welcome', { name: 'Priya Raman' })}</>)).toBe('مرحبًا، <bdi>Priya Raman</bdi>');
    expect(renderToStaticMarkup(<>{isolated(t, 'meta', { space: 'Emerging threats', name: 'Priya <b>', when: 'قبل 6 ساعات' })}</>)).toBe(
      '<bdi>Emerging threats</bdi> · <bdi>Priya &lt;b&gt;</bdi> · <bdi>قبل 6 ساعات</bdi>',
    );
  });

  it('leaves numbers to the message (plurals still work) and drops stray markers from values', () => {
    expect(renderToStaticMarkup(<>{isolated(t, 'count', { count: 3, name: 'Sofia\uE011 Marín' })}</>)).toBe('3 ردود من <bdi>Sofia Marín</bdi>');
  });
});
