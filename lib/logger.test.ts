import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { createOrganisation } from '@/testing/factories';
import { loggerOptions, routeLogger, withoutEmails } from './logger';

/** A logger with the portal's options that keeps its lines. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ ...loggerOptions, level: 'info' }, stream), lines };
}

describe('withoutEmails', () => {
  it('replaces the addresses an SMTP server or the database quotes', () => {
    expect(withoutEmails('550 5.1.1 <someone@example.org>: Recipient address rejected')).toBe('550 5.1.1 <<email>>: Recipient address rejected');
    expect(withoutEmails('Key (email)=(a.b+c@sub.example.co.uk) already exists.')).toBe('Key (email)=(<email>) already exists.');
    expect(withoutEmails('no address here @ all')).toBe('no address here @ all');
  });
});

describe('routeLogger', () => {
  it('makes a fresh id for a route handler request, ignoring an untrusted incoming one', () => {
    const { requestId, log } = routeLogger(new Request('http://portal.test/api/ready', { headers: { 'x-request-id': 'abcdefgh12345678' } }));
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.bindings()).toEqual({ requestId });
  });
});

describe('logged errors', () => {
  it('keep a failed query but not its parameters', async () => {
    const { logger } = await import('./logger');
    const serializers = (logger as unknown as Record<symbol, { err: (e: Error) => Record<string, unknown> }>)[Symbol.for('pino.serializers')]!;
    const error = Object.assign(new Error('Failed query: select * from users where email = $1\nparams: jane@example.org'), {
      query: 'select * from users where email = $1',
      params: ['jane@example.org'],
    });
    const out = serializers.err(error);
    expect(out.query).toBe('select * from users where email = $1');
    expect(out).not.toHaveProperty('params');
    expect(JSON.stringify(out)).not.toContain('jane@example.org');
  });
});

describe('a failing insert', () => {
  it('logs no parameter, whichever key the error is logged under', async () => {
    const org = await createOrganisation();
    const row = {
      email: 'leaky.person@example.org',
      name: 'Distinctive Name',
      jobTitle: 'Job',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$SECRETSALT$SECRETHASH',
      organisationId: org.id,
    };
    await getDb().insert(users).values(row);
    const error = await getDb()
      .insert(users)
      .values(row)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    // The database's own error too (PGlite keeps the values in `params`, Postgres repeats them in `detail`).
    const cause = (error as Error).cause;

    const { log, lines } = capturingLogger();
    log.error({ err: error }, 'insert failed');
    log.error({ error }, 'insert failed');
    log.error({ err: cause }, 'database error');
    log.warn({ error: cause }, 'database error');
    const out = lines.join('');
    expect(lines).toHaveLength(4);
    for (const secret of ['leaky.person', 'Distinctive Name', 'SECRETHASH', 'SECRETSALT', org.id]) expect(out).not.toContain(secret);
    // What is needed to find the fault stays: the statement and the SQLSTATE.
    expect(JSON.parse(lines[0]!).err).toMatchObject({ query: expect.stringContaining('insert into "users"'), cause: { code: '23505' } });
    expect(JSON.parse(lines[2]!).err).toMatchObject({ code: '23505' });
  });
});
