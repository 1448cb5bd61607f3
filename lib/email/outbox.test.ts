import { eq, inArray, isNull, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { executeRows, getDb } from '@/db';
import { outbox } from '@/db/schema';
import { appLink, deliverSoon, drainOutbox, OUTBOX_MAX_ATTEMPTS, processOutbox, queueEmail, queueRenderedEmails } from './index';
import { renderEmail, type EmailTemplate } from './templates';
import type { OutgoingEmail, Transport } from './transport';

/** A transport that keeps what it is given. */
function recorder(delayMs = 0): Transport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    async send(email) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      sent.push(email);
    },
  };
}

const failing: Transport = {
  async send() {
    throw new Error('connect ECONNREFUSED 127.0.0.1:25');
  },
};

let n = 0;
async function queue(count: number, template: EmailTemplate = 'resetPassword'): Promise<string[]> {
  const to: string[] = [];
  for (let i = 0; i < count; i++) {
    const address = `recipient-${++n}@example.org`;
    await queueEmail({ to: address, template, locale: 'en', link: appLink('/reset-password', { token: `tok${n}` }) });
    to.push(address);
  }
  return to;
}
const rowsTo = (to: string[]) => getDb().select().from(outbox).where(inArray(outbox.to, to)).orderBy(outbox.id);

// Each test starts with an empty queue, so one test's leftovers never reach another's transport.
beforeEach(async () => {
  await getDb().delete(outbox);
});

describe('secrets at rest', () => {
  it('seals email bodies in the outbox: the raw row holds no token, delivery gets the clear text', async () => {
    const link = appLink('/reset-password', { token: 'SecretToken_abc123' });
    await queueEmail({ to: 'sealed@example.org', template: 'resetPassword', locale: 'en', link });
    const [raw] = await executeRows<Record<string, unknown>>(getDb(), sql`select * from email_outbox where "to" = 'sealed@example.org'`);
    expect(JSON.stringify(raw)).not.toContain('SecretToken_abc123');
    expect(JSON.stringify(raw)).not.toContain('reset-password');
    expect(raw).toMatchObject({ template: 'resetPassword', text: expect.stringMatching(/^pp1:/), html: expect.stringMatching(/^pp1:/) });

    const transport = recorder();
    await processOutbox(transport);
    expect(transport.sent[0]).toMatchObject(renderEmail('resetPassword', 'en', link));
  });

  it('clears the body once sent, keeping who, what kind, when and the status', async () => {
    await queueEmail({ to: 'cleared@example.org', template: 'verifyEmail', locale: 'en', link: appLink('/verify-email', { token: 'tok' }) });
    await processOutbox(recorder());
    const [row] = await rowsTo(['cleared@example.org']);
    expect(row).toMatchObject({ to: 'cleared@example.org', template: 'verifyEmail', text: '', html: '', attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(row!.createdAt).toBeInstanceOf(Date);
  });

  it('gives up at once on a body the current key cannot open (the key changed)', async () => {
    await queueEmail({ to: 'rekeyed@example.org', template: 'verifyEmail', locale: 'en', link: appLink('/verify-email', { token: 'tok' }) });
    await getDb().update(outbox).set({ text: 'pp1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }).where(eq(outbox.to, 'rekeyed@example.org'));
    const transport = recorder();
    expect(await processOutbox(transport)).toEqual({ sent: 0, failed: 1 });
    expect(transport.sent).toHaveLength(0);
    expect((await rowsTo(['rekeyed@example.org']))[0]).toMatchObject({ attempts: OUTBOX_MAX_ATTEMPTS, sentAt: null });
  });

  it('still delivers a row written before bodies were sealed', async () => {
    await getDb().insert(outbox).values({ to: 'legacy@example.org', subject: 'S', text: 'plain', html: '<p>plain</p>', template: 'resetPassword' });
    const transport = recorder();
    await processOutbox(transport);
    expect(transport.sent[0]).toMatchObject({ text: 'plain', html: '<p>plain</p>' });
  });
});

describe('processOutbox', () => {
  it('delivers queued emails through the transport and marks them sent', async () => {
    const to = await queue(3);
    const transport = recorder();
    expect(await processOutbox(transport)).toEqual({ sent: 3, failed: 0 });
    expect(transport.sent.map((e) => e.to).sort()).toEqual([...to].sort());
    const rows = await rowsTo(to);
    for (const row of rows) {
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(row).toMatchObject({ attempts: 1, lockedUntil: null, lastError: null });
      const sent = transport.sent.find((e) => e.id === row.id)!;
      const rendered = renderEmail('resetPassword', 'en', sent.text.match(/https?:\/\/\S+/)![0]);
      expect(sent).toEqual({ id: row.id, to: row.to, ...rendered });
    }
    // Nothing is sent twice.
    expect(await processOutbox(transport)).toEqual({ sent: 0, failed: 0 });
    expect(transport.sent).toHaveLength(3);
  });

  it('keeps failed emails for a later try, and a later run sends them: nothing is lost', async () => {
    const to = await queue(2);
    expect(await processOutbox(failing)).toEqual({ sent: 0, failed: 2 });
    let rows = await rowsTo(to);
    const now = Date.now();
    for (const row of rows) {
      expect(row.sentAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lockedUntil).toBeNull();
      expect(row.lastError).toContain('ECONNREFUSED');
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now);
    }

    // Not due yet: a working transport does not get them before their time…
    const transport = recorder();
    expect(await processOutbox(transport)).toEqual({ sent: 0, failed: 0 });

    // …and fails again later with a longer wait.
    await getDb()
      .update(outbox)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(inArray(outbox.to, to));
    expect(await processOutbox(failing)).toEqual({ sent: 0, failed: 2 });
    rows = await rowsTo(to);
    for (const row of rows) {
      expect(row.attempts).toBe(2);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    }

    // Once due and the server is back, they go out.
    await getDb()
      .update(outbox)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(inArray(outbox.to, to));
    expect(await processOutbox(transport)).toEqual({ sent: 2, failed: 0 });
    expect(transport.sent.map((e) => e.to).sort()).toEqual([...to].sort());
    rows = await rowsTo(to);
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 3 && r.lastError === null)).toBe(true);
  });

  it('leaves alone an email another run is delivering (its lease has not run out)', async () => {
    const [to] = await queue(1);
    await getDb()
      .update(outbox)
      .set({ lockedUntil: sql`now() + interval '1 minute'` })
      .where(eq(outbox.to, to!));
    const transport = recorder();
    expect(await processOutbox(transport)).toEqual({ sent: 0, failed: 0 });
    // A lease that ran out (its run died) is taken over.
    await getDb()
      .update(outbox)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(outbox.to, to!));
    expect(await processOutbox(transport)).toEqual({ sent: 1, failed: 0 });
  });

  it('never sends the same message twice when several runs go at once', async () => {
    const to = await queue(40);
    const transport = recorder(5);
    const runs = await Promise.all(Array.from({ length: 4 }, () => processOutbox(transport, 15)));
    // Whatever the runs did not reach is sent by the next one.
    const last = await processOutbox(transport, 100);
    expect(runs.reduce((s, r) => s + r.sent, 0) + last.sent).toBe(40);
    const ids = transport.sent.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
    expect(await getDb().select().from(outbox).where(isNull(outbox.sentAt))).toHaveLength(0);
    expect((await rowsTo(to)).every((r) => r.attempts === 1)).toBe(true);
  });

  it("leaves delivery to the test under Vitest (no background run writing into the developer's outbox)", async () => {
    const [to] = await queue(1);
    deliverSoon();
    await new Promise((r) => setTimeout(r, 50));
    expect((await rowsTo([to!]))[0]).toMatchObject({ sentAt: null, attempts: 0 });
  });

  it('gives up after repeated failures instead of trying forever', async () => {
    const [to] = await queue(1);
    await getDb().update(outbox).set({ attempts: 12 }).where(eq(outbox.to, to!));
    expect(await processOutbox(recorder())).toEqual({ sent: 0, failed: 0 });
  });
});

/** Just enough MIME for a message nodemailer wrote: unfolded headers, parts, transfer encodings, encoded words. */
describe('draining', () => {
  it('sends a large fan-out in one run, a person’s own account email first', async () => {
    const bulk = Array.from({ length: 130 }, (_, i) => ({
      to: `follower-${i}@example.org`,
      template: 'notification',
      subject: 'Urgent',
      text: 'a thread',
      html: '<p>a thread</p>',
      headers: { 'List-Unsubscribe': '<https://portal.test/unsubscribe>' },
    }));
    await getDb().transaction((tx) => queueRenderedEmails(bulk, tx));
    const [reset] = await queue(1);
    const transport = recorder();
    expect(await drainOutbox(transport, { batch: 50 })).toEqual({ sent: 131, failed: 0 });
    expect(transport.sent[0]!.to).toBe(reset);
    expect(await getDb().$count(outbox, isNull(outbox.sentAt))).toBe(0);
  });
});
