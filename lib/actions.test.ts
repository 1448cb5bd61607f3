import { eq, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import en from '@/messages/en';
import { signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { memberAction, publicAction } from './actions';
import { submittedList, type ActionState } from './action-state';
import { NotFoundError, ServiceUnavailableError, UserError } from './errors';
import { ACTION_INPUT_MAX_BYTES } from './limits';
import { logger } from './logger';
import { consume } from './rate-limit';
import { email } from './validation/fields';
import { singleLine } from './validation/text';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};
const send = <T>(action: (prev: ActionState<T>, data: FormData) => Promise<ActionState<T>>, fields: Record<string, string | string[]> = {}) =>
  action(null, form(fields));

const schema = z.object({ name: singleLine(40), email });
const calls: unknown[] = [];
const echo = memberAction(schema, { secretFields: ['password'] }, async (input, { viewer, say }) => {
  calls.push(input);
  return { data: { by: viewer.id, ...input }, ...say('discussions.space.followed') };
});
const good = { name: 'Ada Lovelace', email: 'ada@example.org' };

beforeEach(async () => {
  calls.length = 0;
  await actAs(null);
});

describe('memberAction', () => {
  it('refuses a signed-out visitor before reading the input', async () => {
    expect(await send(echo, good)).toMatchObject({ ok: false, message: en.errors.signedOut });
    expect(calls).toEqual([]);
  });

  it('refuses a suspended account whose session is still in its cookie', async () => {
    const viewer = await signedIn();
    await actAs(viewer);
    expect(await send(echo, good)).toMatchObject({ ok: true });
    await getDb().update(users).set({ status: 'suspended' }).where(eq(users.id, viewer.id));
    expect(await send(echo, good)).toMatchObject({ ok: false, message: en.errors.signedOut });
    expect(calls).toHaveLength(1);
  });

  it('answers bad input field by field, echoing what was typed except secrets', async () => {
    await actAs(await signedIn());
    const state = await send(echo, { name: '\u200B\u202E', email: 'not an email', password: 'hunter2 hunter2' });
    expect(state).toEqual({
      ok: false,
      message: en.errors.checkFields,
      fieldErrors: { name: [en.validation.required], email: [en.validation.invalidEmail] },
      values: { name: '\u200B\u202E', email: 'not an email' },
      lists: {},
    });
    expect(calls).toEqual([]);
    // Fields sent several times (a checkbox group) come back whole, so the ticks survive the refusal.
    const ticked = await send(echo, { name: 'Ada', email: 'nope', topics: ['grooming', 'sextortion'], password: ['a', 'b'] });
    expect(ticked).toMatchObject({ ok: false, lists: { topics: ['grooming', 'sextortion'] } });
    expect(ticked && !ticked.ok && ticked.lists).not.toHaveProperty('password');
    expect(submittedList(ticked, 'topics')).toEqual(['grooming', 'sextortion']);
    expect(submittedList(await send(echo, { name: 'Ada', email: 'nope', topics: 'grooming' }), 'topics')).toEqual(['grooming']);
    // A value over its field's maximum is not sent back.
    const long = await send(echo, { name: 'x'.repeat(41), email: 'ada@example.org' });
    expect(long).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/at most 40/)] } });
    expect(long && !long.ok && long.values).toEqual({ email: 'ada@example.org' });
  });

  it('runs the handler with the viewer, clean input and say()', async () => {
    const viewer = await signedIn();
    await actAs(viewer);
    const state = await send(echo, { name: ' Ada\u0000 \u00A0Lovelace\u200B ', email: 'ADA@example.org' });
    expect(state).toEqual({ ok: true, data: { by: viewer.id, ...good }, message: en.discussions.space.followed });
    // Control characters go before any schema sees the input; line breaks and tabs are text.
    const body = memberAction(z.object({ body: z.string() }), async ({ body }) => ({ data: body }));
    expect(await send(body, { body: 'a\u0000b\u0007\tc\r\nd\u009F' })).toMatchObject({ ok: true, data: 'ab\tc\r\nd' });
  });

  it('limits each member with the memberAction rule, counting only well-formed submissions', async () => {
    const viewer = await signedIn();
    await actAs(viewer);
    for (let i = 0; i < 119; i++) expect((await consume('memberAction', `user:${viewer.id}`)).ok).toBe(true);
    expect(await send(echo, { name: '', email: '' })).toMatchObject({ ok: false, message: en.errors.checkFields });
    expect(await send(echo, good)).toMatchObject({ ok: true });
    const refused = await send(echo, good);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many attempts\. Please wait (a minute|\d+ minutes)/) });
    expect(calls).toHaveLength(1);
    // Another member is not affected.
    await actAs(await signedIn());
    expect(await send(echo, good)).toMatchObject({ ok: true });
  });

  it('answers NotFoundError as "not found" and UserError with its sentence, beside its field when it names one', async () => {
    await actAs(await signedIn());
    const missing = memberAction(z.object({}), async () => {
      throw new NotFoundError('space');
    });
    expect(await send(missing)).toMatchObject({ ok: false, message: en.errors.notFound });
    const stale = memberAction(z.object({}), async () => {
      throw new UserError('errors.stale');
    });
    expect(await send(stale)).toMatchObject({ ok: false, message: en.errors.stale });
    const wrong = memberAction(z.object({ currentPassword: z.string() }), { secretFields: ['currentPassword'] }, async () => {
      throw new UserError('errors.wrongPassword', 'currentPassword');
    });
    expect(await send(wrong, { currentPassword: 'guess' })).toEqual({
      ok: false,
      message: en.errors.checkFields,
      fieldErrors: { currentPassword: [en.errors.wrongPassword] },
      values: {},
      lists: {},
    });
  });

  it('says a service is down, not that something went wrong, when storage or the database cannot be reached', async () => {
    await actAs(await signedIn());
    const storageDown = memberAction(z.object({}), async () => {
      throw new ServiceUnavailableError('storage');
    });
    expect(await send(storageDown)).toMatchObject({ ok: false, message: en.errors.serviceUnavailable });
    const databaseDown = memberAction(z.object({}), async () => {
      throw new Error('Failed query: select 1', { cause: Object.assign(new Error('the database system is shutting down'), { code: '57P03' }) });
    });
    expect(await send(databaseDown)).toMatchObject({ ok: false, message: en.errors.serviceUnavailable });
  });

  it('lets redirects through', async () => {
    await actAs(await signedIn());
    const go = memberAction(z.object({}), async () => redirect('/home'));
    await expect(send(go)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;replace;\/home;/) });
  });

  it('logs an unexpected error without the values bound to its query, and says something neutral', async () => {
    await actAs(await signedIn());
    const secret = 'private-value-4f1d';
    const spy = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const broken = memberAction(z.object({ q: z.string() }), async ({ q }) => {
      await getDb().execute(sql`select ${q}::uuid as id`);
    });
    expect(await send(broken, { q: secret })).toMatchObject({ ok: false, message: en.errors.unexpected });
    expect(spy).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(spy.mock.calls[0]);
    expect(logged).toContain('Failed query: select $1::uuid as id');
    expect(logged).toContain('22P02'); // invalid_text_representation
    expect(logged).not.toContain(secret);
    spy.mockRestore();
  });

  it('refuses an input larger than any form with a sentence, echoing nothing', async () => {
    await actAs(await signedIn());
    const state = await send(echo, { ...good, padding: 'x'.repeat(ACTION_INPUT_MAX_BYTES) });
    expect(state).toEqual({
      ok: false,
      message: 'What you sent is larger than 2 MB, more than any form here needs. Shorten the longest text and try again.',
    });
    expect(calls).toEqual([]);
  });
});

describe('publicAction', () => {
  it('serves anonymous visitors, limited per client address', async () => {
    const seen: unknown[] = [];
    const apply = publicAction(z.object({ email }), { rateLimit: 'passwordReset' }, async ({ email }, { viewer, request, say }) => {
      seen.push({ email, viewer, ip: request.ip });
      return say('auth.forgot.done');
    });
    for (let i = 0; i < 5; i++) expect(await send(apply, { email: 'someone@example.org' })).toMatchObject({ ok: true, message: en.auth.forgot.done });
    expect(await send(apply, { email: 'someone@example.org' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many attempts/) });
    expect(seen).toHaveLength(5);
    expect(seen[0]).toEqual({ email: 'someone@example.org', viewer: null, ip: '203.0.113.5' });
  });
});
