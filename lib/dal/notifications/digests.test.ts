import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createReply, createThread } from '@/lib/dal/discussions/posts-write';
import { followSpace } from '@/lib/dal/discussions/spaces';
import { addMember, createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { emailsTo } from '@/testing/accounts';
import { duePeriodKey, sendDueDigests } from './digests';
import { setSpaceMode } from './preferences';
import { unsubscribeToken, unsubscribeWithToken } from './unsubscribe';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

type V = Awaited<ReturnType<typeof signedIn>>;
let tokyo: V, paris: V, losAngeles: V, quiet: V, author: V;
let threadId: string;
/** The last 23:30 UTC before now (the content written now falls in every window after it): 08:30 in Tokyo, 00:30 in Paris, 15:30 in Los Angeles (winter). */
let first: Date;

const digests = async (v: V) => (await emailsTo(v.email)).filter((m) => m.template.startsWith('digest.'));

beforeAll(async () => {
  withoutPostingLimits();
  author = await signedIn();
  tokyo = await signedIn({ timeZone: 'Asia/Tokyo' });
  paris = await signedIn({ timeZone: 'Europe/Paris', locale: 'fr' });
  losAngeles = await signedIn({ timeZone: 'America/Los_Angeles' });
  // Alone in their sector: nobody joins it, so their digest is empty.
  quiet = await signedIn({ timeZone: 'Asia/Tokyo', sector: 'intergovernmental' });
  const open = (await createSpace({ name: 'Daily room' })).id;
  const restricted = (await createSpace({ name: 'Closed cell', access: 'request' })).id;
  const empty = (await createSpace({ name: 'Empty room' })).id;
  for (const v of [tokyo, paris, losAngeles]) {
    await followSpace(v, open, true);
    await setSpaceMode(v, open, 'daily');
  }
  await addMember(restricted, tokyo.id);
  await addMember(restricted, author.id);
  await followSpace(tokyo, restricted, true);
  await setSpaceMode(tokyo, restricted, 'daily');
  await followSpace(quiet, empty, true);
  await setSpaceMode(quiet, empty, 'daily');
  threadId = (await createThread(author, { spaceId: open, title: 'Referral pathways', body: 'x', urgent: false }, request)).threadId;
  await createReply(author, { threadId, body: 'A reply' });
  await createThread(author, { spaceId: restricted, title: 'Secret operation', body: 'y', urgent: false }, request);
  const now = new Date();
  first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 30));
  if (first > now) first = new Date(first.getTime() - 86_400_000);
});

describe('digests', () => {
  it('go at the member’s hour in their time zone, once each even with two workers, and never when empty', async () => {
    const winter = (d: Date) =>
      new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', timeZoneName: 'short' }).format(d).endsWith('PST');
    const [a, b] = await Promise.all([sendDueDigests(first), sendDueDigests(first)]);
    if (winter(first)) {
      expect(a + b).toBe(2);
      expect(await digests(tokyo)).toHaveLength(1);
      expect(await digests(losAngeles)).toHaveLength(1);
      expect(await digests(paris)).toHaveLength(0);
    }
    expect(await digests(quiet)).toHaveLength(0);

    // Eight hours later it is 08:30 in Paris: Paris gets theirs; the others already had today's.
    const later = new Date(first.getTime() + 8 * 3600_000);
    await Promise.all([sendDueDigests(later), sendDueDigests(later)]);
    for (const v of [tokyo, paris, losAngeles]) expect(await digests(v)).toHaveLength(1);
    expect(await digests(quiet)).toHaveLength(0);

    const [mail] = await digests(tokyo);
    expect(mail!.subject).toBe('Your daily digest from Protectors’ Portal');
    expect(mail!.text).toContain('New: Referral pathways (Daily room), 1 reply');
    expect(mail!.text).toContain(`/threads/${threadId}`);
    expect(mail!.text).toContain('1 active thread in restricted spaces');
    expect(mail!.text).not.toContain('Secret operation');
    expect(mail!.text).not.toContain('Closed cell');
    expect(mail!.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect((await digests(paris))[0]!.subject).toBe('Votre résumé quotidien de Protectors’ Portal');
  });

  it('stop when the member unsubscribes from digests', async () => {
    expect(await unsubscribeWithToken(unsubscribeToken(losAngeles.id, 'digest'), request)).toEqual({ kind: 'digest' });
    await sendDueDigests(new Date(first.getTime() + 86_400_000));
    expect(await digests(losAngeles)).toHaveLength(1);
    expect(await digests(tokyo)).toHaveLength(2);
  });

  it('weekly digests are due from Monday at the hour, later that week if a run was missed', () => {
    const monday7 = new Date('2026-11-30T07:00:00Z');
    expect(duePeriodKey('weekly', monday7, 'UTC', 8)).toBeNull();
    expect(duePeriodKey('weekly', new Date('2026-11-30T08:00:00Z'), 'UTC', 8)).toBe('2026-W49');
    expect(duePeriodKey('weekly', new Date('2026-12-02T03:00:00Z'), 'UTC', 8)).toBe('2026-W49');
    // Monday 07:00 UTC is already Monday 16:00 in Tokyo.
    expect(duePeriodKey('weekly', monday7, 'Asia/Tokyo', 8)).toBe('2026-W49');
    // …and still Sunday 23:00 in Los Angeles, past the hour: Sunday's daily digest is due.
    expect(duePeriodKey('daily', monday7, 'America/Los_Angeles', 8)).toBe('2026-11-29');
    expect(duePeriodKey('daily', monday7, 'Europe/Paris', 9)).toBeNull();
    expect(duePeriodKey('daily', monday7, 'Asia/Tokyo', 8)).toBe('2026-11-30');
  });
});
