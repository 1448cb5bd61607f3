import { describe, expect, it } from 'vitest';
import { linkSelection, mentionAt, replaceMention, wrapSelection } from './editor-text';

describe('editor text edits', () => {
  it('wraps the selection and keeps it selected', () => {
    expect(wrapSelection('say hello now', 4, 9, '**', '**')).toEqual({ text: 'say **hello** now', start: 6, end: 11 });
    expect(wrapSelection('ab', 1, 1, '_', '_', 'text')).toEqual({ text: 'a_text_b', start: 2, end: 6 });
  });

  it('makes a link with the address selected', () => {
    const edit = linkSelection('see the report', 8, 14, 'link');
    expect(edit.text).toBe('see the [report](https://)');
    expect(edit.text.slice(edit.start, edit.end)).toBe('https://');
  });

  it('finds the mention being typed', () => {
    expect(mentionAt('Hello @Sof', 10)).toEqual({ start: 6, query: 'Sof' });
    expect(mentionAt('@Sofia Ma', 9)).toEqual({ start: 0, query: 'Sofia Ma' });
    expect(mentionAt('(@ana', 5)).toEqual({ start: 1, query: 'ana' });
    expect(mentionAt('مرحبا @سار', 10)).toEqual({ start: 6, query: 'سار' });
    expect(mentionAt('mail a@b', 8)).toBeNull();
    expect(mentionAt('@Sofia Marín and', 16)).toBeNull();
    expect(mentionAt('no mention', 10)).toBeNull();
  });

  it('replaces the typed mention', () => {
    expect(replaceMention('Hi @So there', 3, 6, '[@Sofia](/people/x) ')).toEqual({ text: 'Hi [@Sofia](/people/x)  there', start: 23, end: 23 });
  });
});
