import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import { memberAction } from '@/lib/actions';
import { viewerForSession } from '@/lib/auth/sessions';
import { getGuidelinesPendingViewer, getViewer } from '@/lib/auth/viewer';
import { NotFoundError, UserError } from '@/lib/errors';
import { everyRole, signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { acceptGuidelines, currentGuidelines, listGuidelinesVersions, previewGuidelines, publishGuidelines } from './guidelines';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);
// getViewer is cached per request with React's cache; outside a request every call asks again.
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));

const request = { ip: '203.0.113.1', userAgent: 'vitest' };
const draft = { markdown: '1. **Be kind.**\n2. <script>alert(1)</script>Protect victims.', changeSummary: 'Rule 1 is new.', language: 'en' };

describe('community guidelines versions', () => {
  it('starts from the seeded version 1, which every new account has accepted', async () => {
    const current = await currentGuidelines();
    expect(current?.version).toBe(1);
    const member = await signedIn();
    expect(member.guidelinesPending).toBe(false);
  });

  it('are published and listed by admins only; the text is cooked and sanitised; publishing is audited', async () => {
    const { member, focalPoint, moderator, admin } = await everyRole();
    for (const viewer of [member, focalPoint, moderator]) {
      await expect(publishGuidelines(viewer, draft, request)).rejects.toThrow(NotFoundError);
      await expect(listGuidelinesVersions(viewer, undefined)).rejects.toThrow(NotFoundError);
      await expect(previewGuidelines(viewer, draft.markdown)).rejects.toThrow(NotFoundError);
    }
    const before = (await currentGuidelines())!.version;
    const version = await publishGuidelines(admin, draft, request);
    expect(version).toBe(before + 1);
    const current = (await currentGuidelines())!;
    expect(current.html).toContain('<strong>Be kind.</strong>');
    expect(current.html).not.toContain('<script');
    expect((await listGuidelinesVersions(admin, undefined)).items[0]).toMatchObject({ version, publishedByName: admin.name });
    const [row] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'guidelines.published'));
    expect(row).toMatchObject({ actorId: admin.id, targetId: String(version) });
    // The publisher has accepted what they published.
    expect((await viewerForSession(admin.rawSessionId))?.guidelinesPending).toBe(false);
  });

  it('a new version stops a member at every door until they accept it', async () => {
    const { member, admin } = await everyRole();
    await actAs(member);
    expect((await getViewer())?.id).toBe(member.id);
    const version = await publishGuidelines(admin, { ...draft, changeSummary: 'Stricter rule on images.' }, request);

    // Pages (requireViewer goes by getViewer), actions and routes see no viewer: only the acceptance page sees them.
    expect(await getViewer()).toBeNull();
    expect((await getGuidelinesPendingViewer())?.id).toBe(member.id);
    const action = memberAction(z.object({}), async () => ({ message: 'ran' }));
    expect(await action(null, new FormData())).toMatchObject({ ok: false, message: expect.stringContaining('guidelines') });

    // Accepting an older version than the one in force is refused.
    await expect(acceptGuidelines(member, version - 1, request)).rejects.toThrow(UserError);
    await acceptGuidelines(member, version, request);
    expect((await getViewer())?.id).toBe(member.id);
    expect(await action(null, new FormData())).toMatchObject({ ok: true, message: 'ran' });
    const [account] = await getDb().select().from(users).where(eq(users.id, member.id));
    expect(account).toMatchObject({ guidelinesVersion: version });
    expect(account!.guidelinesAcceptedAt).toBeInstanceOf(Date);
    const [row] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'guidelines.accepted'));
    expect(row).toMatchObject({ actorId: member.id, targetId: String(version) });
    // Accepting twice is refused (nothing newer to accept).
    await expect(acceptGuidelines(member, version, request)).rejects.toThrow(UserError);
  });
});
