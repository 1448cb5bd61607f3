import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { outbox } from '@/db/schema';
import { appLink, OUTBOX_MAX_ATTEMPTS, processOutbox, queueEmail } from '@/lib/email';
import type { OutgoingEmail, Transport } from '@/lib/email/transport';
import { NotFoundError } from '@/lib/errors';
import { everyRole } from '@/testing/factories';
import { countOutbox, listOutbox, maskEmail, retryEmail } from './outbox';

/** An SMTP server refusing the recipient for good (what nodemailer throws for a 550). */
const refusing: Transport = {
  async send() {
    throw Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <gone@example.org>: unknown user"), {
      responseCode: 550,
    });
  },
};
const down: Transport = {
  async send() {
    throw new Error('connect ECONNREFUSED 127.0.0.1:2525');
  },
};
function recorder(): Transport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return { sent, send: async (email) => void sent.push(email) };
}

async function queue(to: string) {
  await queueEmail({ to, template: 'resetPassword', locale: 'en', link: appLink('/reset-password', { token: 'secret-token' }) });
  const [row] = await getDb().select().from(outbox).where(eq(outbox.to, to));
  return row!;
}

describe('the outbox in the console', () => {
  it('masks recipients', () => {
    expect(maskEmail('jane.doe@example.org')).toBe('j•••@example.org');
    expect(maskEmail('nonsense')).toBe('•••');
  });

  it('gives up at once on a permanent refusal and lists the email as failed, for admins only, without its content', async () => {
    await getDb().delete(outbox);
    const { member, focalPoint, moderator, admin } = await everyRole();
    await getDb().delete(outbox); // everyRole may queue emails of its own
    const failing = await queue('gone@example.org');
    const waiting = await queue('later@example.org');
    await getDb()
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() + 3600_000) })
      .where(eq(outbox.id, waiting.id));

    expect(await processOutbox(refusing)).toEqual({ sent: 0, failed: 1 });
    const [row] = await getDb().select().from(outbox).where(eq(outbox.id, failing.id));
    expect(row).toMatchObject({ attempts: OUTBOX_MAX_ATTEMPTS, sentAt: null });
    expect(row!.lastError).toContain('550');

    for (const viewer of [member, focalPoint, moderator]) {
      await expect(listOutbox(viewer, { state: 'failed' })).rejects.toThrow(NotFoundError);
      await expect(countOutbox(viewer)).rejects.toThrow(NotFoundError);
      await expect(retryEmail(viewer, failing.id)).rejects.toThrow(NotFoundError);
    }
    expect(await countOutbox(admin)).toEqual({ failed: 1, pending: 1 });
    const failed = await listOutbox(admin, { state: 'failed' });
    expect(failed.items).toEqual([
      expect.objectContaining({ id: failing.id, recipient: 'g•••@example.org', template: 'resetPassword', attempts: OUTBOX_MAX_ATTEMPTS }),
    ]);
    expect(JSON.stringify(failed.items)).not.toContain('secret-token');
    expect((await listOutbox(admin, { state: 'pending' })).items.map((r) => r.id)).toEqual([waiting.id]);

    // A failed email is never tried again by itself…
    expect(await processOutbox(down)).toEqual({ sent: 0, failed: 0 });
    // …until an admin retries it; a pending one cannot be "retried".
    await expect(retryEmail(admin, waiting.id)).rejects.toThrow(NotFoundError);
    await retryEmail(admin, failing.id);
    const transport = recorder();
    expect(await processOutbox(transport)).toEqual({ sent: 1, failed: 0 });
    expect(transport.sent.map((e) => e.to)).toEqual(['gone@example.org']);
    expect(await countOutbox(admin)).toEqual({ failed: 0, pending: 1 });
  });

  it('pages by keyset', async () => {
    await getDb().delete(outbox);
    const { admin } = await everyRole();
    await getDb().delete(outbox);
    for (let i = 0; i < 30; i++) await queue(`p${i}@example.org`);
    const first = await listOutbox(admin, { state: 'pending' });
    expect(first.items).toHaveLength(25);
    const second = await listOutbox(admin, { state: 'pending', cursor: first.next! });
    expect(second.items).toHaveLength(5);
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(30);
  });
});
