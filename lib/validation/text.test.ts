import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { organisationSchema } from './admin';
import { registerSchema } from './auth';
import { hideSchema, newThreadSchema, reportSchema, spaceSchema, urgentSchema } from './discussions';
import { expertiseAreaSchema, profileSchema } from './profile';
import { addBlockedHashSchema, addVersionSchema, createResourceSchema } from './resources';
import { cleanSingleLine, stripControlCharacters } from './text';

describe('stripControlCharacters', () => {
  it('removes C0 and C1 controls and DEL, keeping tabs and line breaks', () => {
    expect(stripControlCharacters('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg')).toBe('abcdefg');
    expect(stripControlCharacters('one\ttwo\r\nthree\n')).toBe('one\ttwo\r\nthree\n');
  });
});

describe('cleanSingleLine', () => {
  it('leaves nothing of a name made only of invisible characters', () => {
    expect(cleanSingleLine('\u200B\u200C\u200D\u2060\uFEFF\u00AD\u3164\u115F\u2800\u202E\u2066\u200E')).toBe('');
  });

  it('drops bidi controls, so a name cannot display reversed', () => {
    expect(cleanSingleLine('Evil \u202Egnp.exe')).toBe('Evil gnp.exe');
    expect(cleanSingleLine('\u2067Report\u2069 \u200Fdraft')).toBe('Report draft');
  });

  it('makes a copy with a hidden character the same name again', () => {
    for (const copy of [
      'Ada Lovelace\u200B',
      '\u200BAda Lovelace',
      'Ada\u00A0Lovelace',
      'Ada  Lovelace ',
      'Ada\u200C Lovelace',
      'Ada Love\u200Clace',
    ]) {
      expect(cleanSingleLine(copy)).toBe('Ada Lovelace');
    }
  });

  it('keeps the joiners that shape words and emoji, and variation selectors', () => {
    for (const kept of ['می\u200Cخواهم', 'क्\u200Dष', '👩\u200D💻', '❤\uFE0F\u200D🔥', '葛\u{E0100}']) expect(cleanSingleLine(kept)).toBe(kept);
  });

  it('composes (NFC), turns any white space into one space and trims', () => {
    expect(cleanSingleLine('Jose\u0301')).toBe('José');
    expect(cleanSingleLine(' \tOne\r\ntwo\u2028three\u3000 ')).toBe('One two three');
    expect(cleanSingleLine('tag\u{E0041}\u{E007F}s')).toBe('tags');
  });
});

/** Every single-line field of every form, with a valid rest of its form. */
const SPACE = '3f1c2b9e-8d4a-4c1e-9b7a-2f6d5e4c3b2a';
const singleLineFields: [string, z.ZodType, Record<string, unknown>, string[]][] = [
  [
    'register',
    registerSchema,
    {
      email: 'a@example.org',
      password: 'a long enough password',
      organisationChoice: 'new',
      newOrganisationSector: 'government',
      newOrganisationCountry: 'FR',
      reason: 'Ten characters at least.',
      acceptGuidelines: 'on',
    },
    ['name', 'jobTitle', 'newOrganisationName'],
  ],
  ['profile', profileSchema, {}, ['name', 'jobTitle', 'pronouns']],
  ['organisation', organisationSchema, { organisationId: SPACE, version: '1', sector: 'intergovernmental' }, ['name']],
  ['expertise', expertiseAreaSchema, {}, ['label']],
  ['thread', newThreadSchema, { spaceId: SPACE, body: 'Hello', urgent: 'on' }, ['title', 'urgentReason']],
  ['urgent', urgentSchema, { threadId: SPACE }, ['reason']],
  ['report', reportSchema, { postId: SPACE }, ['reason']],
  ['hide', hideSchema, { postId: SPACE }, ['reason']],
  ['space', spaceSchema, { access: 'open' }, ['name']],
  ['resource', createResourceSchema, { type: 'report', visibility: 'all_members', kind: 'link', url: 'https://example.org' }, ['title']],
  ['version', addVersionSchema, { resourceId: SPACE, fileId: SPACE }, ['note']],
  ['blocked hash', addBlockedHashSchema, { hash: 'a'.repeat(64) }, ['note']],
];

describe('single-line fields', () => {
  it.each(singleLineFields)('%s: every single-line field is cleaned, and one of invisible characters is empty', (_form, schema, rest, fields) => {
    const typed = Object.fromEntries(fields.map((f) => [f, `  Evil \u202Egnp.exe\u200B ${f}`]));
    const parsed = schema.parse({ ...rest, ...typed }) as Record<string, unknown>;
    for (const f of fields) expect(parsed[f], f).toBe(`Evil gnp.exe ${f}`);

    const blank = schema.safeParse({ ...rest, ...Object.fromEntries(fields.map((f) => [f, '\u200B\u2800\u202E'])) });
    const result = blank.success ? (blank.data as Record<string, unknown>) : null;
    for (const f of fields) {
      // Required fields are refused; optional ones become no value (or their default).
      const refused = blank.error?.issues.some((issue) => issue.path[0] === f);
      expect(refused || !result?.[f], f).toBe(true);
    }
  });
});
