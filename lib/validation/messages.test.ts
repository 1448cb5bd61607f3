import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '@/messages/en';
import { registerSchema } from './auth';
import { fieldErrors, issueMessage } from './messages';

/** The real English catalogue, typed as the loose translator the helpers take. */
const t = createTranslator({ locale: 'en', messages: en, namespace: 'validation' }) as unknown as Parameters<typeof fieldErrors>[1];
const v = en.validation;

function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failed parse');
  return fieldErrors(result.error, t);
}

describe('issueMessage', () => {
  it('uses a message key the schema gave', () => {
    const [issue] = z
      .string()
      .refine(() => false, { error: 'passwordTooShort' })
      .safeParse('x').error!.issues;
    expect(issueMessage(issue!, t)).toBe(v.passwordTooShort);
  });

  it('turns common issues into sentences', () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.string(), undefined, v.required],
      [z.string().min(1), '', v.required],
      [z.string().min(10), 'short', t('tooShort', { min: 10 })],
      [z.string().max(3), 'long', t('tooLong', { max: 3 })],
      [z.email(), 'nope', v.invalidEmail],
      [z.url(), 'nope', v.invalidUrl],
      [z.string().regex(/^a$/), 'b', v.invalidFormat],
      [z.enum(['a', 'b']), 'c', v.invalidChoice],
    ];
    for (const [schema, input, expected] of cases) {
      const [issue] = schema.safeParse(input).error!.issues;
      expect(issueMessage(issue!, t)).toBe(expected);
    }
    expect(t('tooShort', { min: 10 })).toBe('Enter at least 10 characters.');
  });

  it("never shows zod's own English text or a raw key", () => {
    const [issue] = z
      .string()
      .refine(() => false, { error: 'Some internal explanation' })
      .safeParse('x').error!.issues;
    expect(issueMessage(issue!, t)).toBe(v.invalidFormat);
  });
});

describe('fieldErrors', () => {
  it('keys messages by field, with "_form" for the whole form, without repeats', () => {
    const schema = z.object({ a: z.string().min(5), b: z.object({ c: z.string() }) }).refine(() => false, { error: 'passwordsDiffer' });
    const errors = errorsOf(schema, { a: 'x', b: {} });
    expect(errors).toEqual({ a: [t('tooShort', { min: 5 })], b: [v.required] });
    expect(errorsOf(schema, { a: 'xxxxx', b: { c: 'x' } })).toEqual({ _form: [v.passwordsDiffer] });
    expect(
      errorsOf(
        z.object({
          a: z
            .string()
            .refine(() => false, { error: 'passwordTooShort' })
            .refine(() => false, { error: 'passwordTooShort' }),
        }),
        { a: 'x' },
      ).a,
    ).toHaveLength(1);
  });

  it('gives a sentence for every field of a bad registration', () => {
    const errors = errorsOf(registerSchema, {
      email: 'nope',
      password: 'short',
      organisationChoice: 'new',
      newOrganisationSector: 'government',
      newOrganisationCountry: 'XX',
      newOrganisationWebsite: 'javascript:alert(1)',
      reason: 'x'.repeat(1001),
    });
    expect(errors).toMatchObject({
      name: [v.required],
      email: [v.invalidEmail],
      password: [v.passwordTooShort],
      jobTitle: [v.required],
      newOrganisationName: [v.required],
      newOrganisationCountry: [v.invalidCountry],
      newOrganisationWebsite: [v.invalidUrl],
      reason: [t('tooLong', { max: 1000 })],
      acceptGuidelines: [v.mustAcceptGuidelines],
    });
    for (const messages of Object.values(errors)) for (const m of messages) expect(m).not.toMatch(/validation\.|Invalid|expected/);
  });
});
