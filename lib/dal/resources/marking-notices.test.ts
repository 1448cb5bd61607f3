import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { notifications, type TlpMarking } from '@/db/schema';
import { sendDueNotificationEmails } from '@/lib/dal/notifications/emails';
import { listNotifications, markNotificationsReadAbout, unreadNotificationCount } from '@/lib/dal/notifications/notifications';
import { emailsTo } from '@/testing/accounts';
import { resourceInput as base, resourcePeople, type ResourcePeople } from '@/testing/resources';
import type { UpdateResourceInput } from '@/lib/validation/resources';
import { createResource, deleteResource, updateResource } from './write';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

/**
 * Decision 030, follow-up: lowering a resource's marking (a wider marking, or naming someone new) by anyone
 * but its contributor tells the contributor, as a thread's author is told; raising it, or the contributor's
 * own change, does not.
 */
const request = { ip: '203.0.113.9', userAgent: 'vitest' };
let people: ResourcePeople;
type Who = keyof ResourcePeople;
const DESCRIPTION = 'Case notes wombatsecret from the hotline.';

beforeAll(async () => {
  people = await resourcePeople();
});

async function contributed(title: string, marking: TlpMarking, over: Partial<Parameters<typeof base>[0]> = {}) {
  return createResource(people.contributor, base({ title, description: DESCRIPTION, marking, identifyingChecked: true, ...over }), request);
}

/** `who` edits the resource, changing only its marking. */
function remark(who: Who, id: string, title: string, marking: TlpMarking, lists: Partial<UpdateResourceInput> = {}, over = {}) {
  return updateResource(
    people[who],
    {
      ...base({ title, description: DESCRIPTION, ...over }),
      resourceId: id,
      marking,
      markingOrganisations: [],
      markingPeople: [],
      ...lists,
    } as UpdateResourceInput,
    request,
  );
}

const told = (id: string) =>
  getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.resourceId, id), eq(notifications.kind, 'resource_marking_lowered')));

const due = () =>
  getDb().execute(sql`update notifications set email_due_at = now() - interval '1 minute' where emailed_at is null and email_due_at is not null`);

const mailsAbout = async (id: string) =>
  (await emailsTo(people.contributor.email)).filter(
    (m) => m.template === 'notification.resource_marking_lowered' && m.text.includes(`/resources/${id}`),
  );

/** Sends what is due; the one email about the resource (subject, text and HTML together), and its text. */
async function theEmail(id: string) {
  await due();
  await sendDueNotificationEmails();
  const mails = await mailsAbout(id);
  expect(mails).toHaveLength(1);
  return { all: `${mails[0]!.subject}\n${mails[0]!.text}\n${mails[0]!.html}`, text: mails[0]!.text };
}

describe('lowering a resource marking notifies its contributor', () => {
  it('a focal point lowering AMBER+STRICT to GREEN tells the contributor once: on the page, in the count and by email (title and label, no description)', async () => {
    const id = await contributed('Lowered by the focal point', 'amber_strict');
    const before = await unreadNotificationCount(people.contributor);
    expect(await remark('focalPoint', id, 'Lowered by the focal point', 'green')).toContain('marking');
    const rows = await told(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: people.contributor.id, actorId: people.focalPoint.id, threadId: null });
    // Nobody else is told.
    expect((await getDb().select().from(notifications).where(eq(notifications.resourceId, id))).map((n) => n.userId)).toEqual([
      people.contributor.id,
    ]);

    const item = (await listNotifications(people.contributor)).items.find((n) => n.resourceId === id);
    expect(item).toMatchObject({ kind: 'resource_marking_lowered', resourceTitle: 'Lowered by the focal point', threadId: null });
    expect(await unreadNotificationCount(people.contributor)).toBe(before + 1);

    const { all, text } = await theEmail(id);
    expect(all).toContain('Lowered by the focal point');
    expect(text).toContain('TLP:GREEN');
    expect(all).not.toContain('wombatsecret');
    expect(all).not.toContain('hotline');
    // Opening the resource page marks it read (the page calls this after it is sent).
    await markNotificationsReadAbout(people.contributor, { resourceId: id });
    expect(await unreadNotificationCount(people.contributor)).toBe(before);
  });

  it('the contributor lowering their own resource is not told', async () => {
    const id = await contributed('Lowered by its contributor', 'red', { markingPeople: [people.otherSector.id] });
    expect(await remark('contributor', id, 'Lowered by its contributor', 'green')).toContain('marking');
    expect(await told(id)).toHaveLength(0);
  });

  it('raising a marking tells nobody', async () => {
    const id = await contributed('Raised by the focal point', 'green');
    expect(await remark('focalPoint', id, 'Raised by the focal point', 'amber_strict')).toContain('marking');
    expect(await remark('focalPoint', id, 'Raised by the focal point', 'red', { markingPeople: [people.otherSector.id] })).toContain('marking');
    expect(await told(id)).toHaveLength(0);
  });

  it('an admin naming one more person in a RED resource lowers it: the contributor is told, and the email has no title', async () => {
    const id = await contributed('Red named list zebu', 'red', { markingPeople: [people.admin.id] });
    await remark('admin', id, 'Red named list zebu', 'red', { markingPeople: [people.admin.id, people.otherSector.id] });
    expect(await told(id)).toHaveLength(1);
    expect((await theEmail(id)).all).not.toMatch(/zebu|wombatsecret/);
  });

  it('a resource shared with the organisation only is emailed without its title', async () => {
    const id = await contributed('Own organisation only yak', 'amber_strict', { visibility: 'organisation' });
    await remark('focalPoint', id, 'Own organisation only yak', 'green', {}, { visibility: 'organisation' });
    expect((await theEmail(id)).all).not.toMatch(/yak|wombatsecret/);
  });

  it('is shown, counted and emailed only while the contributor still sees the resource', async () => {
    const id = await contributed('Deleted after lowering', 'amber_strict');
    await remark('focalPoint', id, 'Deleted after lowering', 'green');
    expect((await listNotifications(people.contributor)).items.some((n) => n.resourceId === id)).toBe(true);
    const count = await unreadNotificationCount(people.contributor);
    await deleteResource(people.focalPoint, id, request);
    expect((await listNotifications(people.contributor)).items.some((n) => n.resourceId === id)).toBe(false);
    expect(await unreadNotificationCount(people.contributor)).toBe(count - 1);
    await due();
    await sendDueNotificationEmails();
    expect(await mailsAbout(id)).toHaveLength(0);
  });
});
