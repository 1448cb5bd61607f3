import { describe, expect, it } from 'vitest';
import { changePasswordSchema, registerSchema, resetPasswordSchema, signInSchema } from './auth';

const valid = {
  name: 'Ada Applicant',
  email: 'ada@example.org',
  password: 'a long enough password',
  jobTitle: 'Researcher',
  organisationChoice: 'existing',
  organisationId: '4b6f1c1e-2f1a-4c1b-9a1e-0d3f6c2b7a10',
  reason: 'I work on protecting people at risk.',
  acceptGuidelines: 'on',
};
const proposing = {
  ...valid,
  organisationId: undefined,
  organisationChoice: 'new',
  newOrganisationName: 'Shelter Network',
  newOrganisationSector: 'civil_society',
  newOrganisationCountry: 'fr',
};

/** Field → the message keys of its issues. */
function problems(input: unknown): Record<string, string[]> {
  const result = registerSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const list = (out[String(issue.path[0] ?? '_form')] ??= []);
    const key = issue.message.includes(' ') ? issue.code : issue.message;
    if (!list.includes(key)) list.push(key);
  }
  return out;
}

describe('registerSchema', () => {
  it('accepts a complete application and normalises it', () => {
    const data = registerSchema.parse({ ...valid, email: '  Ada@Example.ORG ', name: '  Ada Applicant  ' });
    expect(data).toMatchObject({ email: 'ada@example.org', name: 'Ada Applicant', acceptGuidelines: true });
    const proposed = registerSchema.parse({ ...proposing, newOrganisationWebsite: 'shelter.example' });
    expect(proposed).toMatchObject({ newOrganisationCountry: 'FR', newOrganisationWebsite: 'https://shelter.example' });
  });

  it('names every missing field', () => {
    expect(Object.keys(problems({})).sort()).toEqual(
      ['acceptGuidelines', 'email', 'jobTitle', 'name', 'organisationChoice', 'password', 'reason'].sort(),
    );
    // The organisation fields are checked in the same round as the others.
    expect(Object.keys(problems({ organisationChoice: 'new' })).sort()).toEqual(
      ['acceptGuidelines', 'email', 'jobTitle', 'name', 'newOrganisationName', 'newOrganisationSector', 'password', 'reason'].sort(),
    );
    expect(problems({ organisationChoice: 'existing' })).toHaveProperty('organisationId', ['organisationRequired']);
    expect(registerSchema.safeParse(null).success).toBe(false);
    expect(registerSchema.safeParse('name=x').success).toBe(false);
    expect(Object.keys(problems({ ...valid, name: '   ', jobTitle: '' })).sort()).toEqual(['jobTitle', 'name']);
  });

  it('refuses over-long values', () => {
    expect(problems({ ...valid, name: 'n'.repeat(121) })).toHaveProperty('name');
    expect(problems({ ...valid, jobTitle: 'j'.repeat(121) })).toHaveProperty('jobTitle');
    expect(problems({ ...valid, reason: 'r'.repeat(1001) })).toHaveProperty('reason');
    expect(problems({ ...valid, password: 'p'.repeat(201) })).toHaveProperty('password');
    expect(problems({ ...valid, email: `${'a'.repeat(250)}@example.org` })).toHaveProperty('email');
    expect(problems({ ...proposing, newOrganisationName: 'o'.repeat(201) })).toHaveProperty('newOrganisationName');
    expect(problems({ ...proposing, newOrganisationWebsite: `https://example.org/${'w'.repeat(300)}` })).toHaveProperty('newOrganisationWebsite');
    expect(problems({ ...valid, name: 'n'.repeat(120), jobTitle: 'j'.repeat(120), reason: 'r'.repeat(1000) })).toEqual({});
  });

  it('refuses a too short reason and a weak password', () => {
    expect(problems({ ...valid, reason: 'because' })).toHaveProperty('reason');
    expect(problems({ ...valid, password: 'short' })).toEqual({ password: ['passwordTooShort'] });
    expect(problems({ ...valid, password: ' '.repeat(20) })).toEqual({ password: ['passwordTooShort'] });
  });

  it.each(['not-an-email', 'ada@', '@example.org', 'ada@example', 'ada example@example.org', 'ada@exa mple.org', '<ada@example.org>'])(
    'refuses the email %j',
    (email) => {
      expect(problems({ ...valid, email })).toHaveProperty('email');
    },
  );

  it('refuses an unknown country', () => {
    expect(problems({ ...proposing, newOrganisationCountry: 'XX' })).toEqual({ newOrganisationCountry: ['invalidCountry'] });
    expect(problems({ ...proposing, newOrganisationCountry: 'France' })).toEqual({ newOrganisationCountry: ['invalidCountry'] });
  });

  it('needs the guidelines accepted', () => {
    for (const acceptGuidelines of [undefined, 'false']) {
      expect(problems({ ...valid, acceptGuidelines })).toEqual({ acceptGuidelines: ['mustAcceptGuidelines'] });
    }
    expect(problems({ ...valid, acceptGuidelines: 'yes please' })).toHaveProperty('acceptGuidelines');
    expect(registerSchema.parse({ ...valid, acceptGuidelines: 'true' }).acceptGuidelines).toBe(true);
  });

  it('needs an organisation: a chosen one, or a complete proposal', () => {
    expect(problems({ ...valid, organisationId: undefined })).toEqual({ organisationId: ['organisationRequired'] });
    expect(problems({ ...valid, organisationId: 'not-a-uuid' })).toEqual({ organisationId: ['invalidChoice'] });
    expect(problems({ ...valid, organisationChoice: 'both' })).toHaveProperty('organisationChoice');
    expect(problems({ ...proposing, newOrganisationName: undefined, newOrganisationSector: undefined })).toEqual({
      newOrganisationName: ['required'],
      newOrganisationSector: ['required'],
    });
    expect(problems({ ...proposing, newOrganisationSector: 'military' })).toHaveProperty('newOrganisationSector');
    expect(problems({ ...proposing, newOrganisationCountry: undefined })).toEqual({ newOrganisationCountry: ['required'] });
    // Intergovernmental organisations may have no country.
    expect(problems({ ...proposing, newOrganisationSector: 'intergovernmental', newOrganisationCountry: undefined })).toEqual({});
    expect(problems({ ...proposing, newOrganisationWebsite: 'javascript:alert(1)' })).toEqual({ newOrganisationWebsite: ['invalidUrl'] });
  });

  it('strips forged extra fields', () => {
    const data = registerSchema.parse({
      ...valid,
      role: 'admin',
      status: 'active',
      isFocalPoint: 'true',
      passwordHash: 'x',
      id: '00000000-0000-4000-8000-000000000000',
      emailVerifiedAt: '2020-01-01',
      __proto__: { role: 'admin' },
    });
    expect(Object.keys(data).sort()).toEqual(
      ['acceptGuidelines', 'email', 'jobTitle', 'name', 'organisationChoice', 'organisationId', 'password', 'reason'].sort(),
    );
    expect((data as Record<string, unknown>).role).toBeUndefined();
  });

  it('ignores an odd locale or time zone rather than refusing the application', () => {
    const data = registerSchema.parse({ ...valid, locale: 'x'.repeat(50), timeZone: ['Europe/Paris', 'UTC'] });
    expect(data.locale).toBeUndefined();
    expect(data.timeZone).toBeUndefined();
  });
});

describe('other account schemas', () => {
  it('sign-in lower-cases the email and needs a password', () => {
    expect(signInSchema.parse({ email: ' Ada@Example.org', password: 'x' })).toEqual({ email: 'ada@example.org', password: 'x' });
    expect(signInSchema.safeParse({ email: 'ada@example.org', password: '' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'ada@example.org', password: 'p'.repeat(201) }).success).toBe(false);
  });

  it('reset and change need the two passwords to match', () => {
    const reset = resetPasswordSchema.safeParse({ token: 'a'.repeat(43), password: 'a long new password', confirmPassword: 'another one' });
    expect(reset.success).toBe(false);
    expect(reset.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['confirmPassword', 'passwordsDiffer']]);
    expect(resetPasswordSchema.safeParse({ token: 'short', password: 'a long new password', confirmPassword: 'a long new password' }).success).toBe(
      false,
    );
    const change = changePasswordSchema.safeParse({
      currentPassword: 'old',
      password: 'a long new password',
      confirmPassword: 'a long new password',
    });
    expect(change.success).toBe(true);
  });
});
