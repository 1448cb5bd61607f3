import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { memberAction, publicAction } from '@/lib/actions';
import { requireAdmin } from '@/lib/auth/require';
import { NotFoundError } from '@/lib/errors';
import { metrics } from '@/lib/metrics';
import en from '@/messages/en';
import { visibleOr404 } from '@/lib/pages';
import { pointsOf } from '@/lib/rate-limit';
import { withViewer } from '@/lib/route';
import { signedIn } from '@/testing/factories';
import { actAs, scope } from '@/testing/request-scope';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const denials = (actorId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'authz.denied'), eq(auditLog.actorId, actorId)))
    .orderBy(auditLog.id);
const counted = async (door: string, outcome: string) =>
  (await metrics().authzDenied.get()).values.find((v) => v.labels.door === door && v.labels.outcome === outcome)?.value ?? 0;

/** Each door, with a read the data layer refuses (as for something not visible). */
const hiddenThread = memberAction(z.object({ threadId: z.string().uuid(), body: z.string() }), async () => {
  throw new NotFoundError('thread');
});
const hiddenPublic = publicAction(z.object({}), { rateLimit: false }, async () => {
  throw new NotFoundError('file');
});
const hiddenRoute = withViewer({
  access: 'public',
  handler: async () => {
    throw new NotFoundError('file');
  },
});
const send = (action: typeof hiddenThread, fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return action(null, data);
};
const isNotFound = (error: unknown) => String((error as { digest?: string }).digest).startsWith('NEXT_HTTP_ERROR_FALLBACK;404');

beforeEach(() => {
  scope.headers.set('x-pathname', '/threads/0f0e?token=secret');
});

describe('authorization failures are audited (item 2)', () => {
  it('through every door: who, which door, what and which object', async () => {
    const member = await signedIn();
    await actAs(member);
    const threadId = randomUUID();

    await expect(visibleOr404(Promise.reject(new NotFoundError('thread')))).rejects.toSatisfy(isNotFound);
    await expect(visibleOr404(Promise.resolve(null))).rejects.toSatisfy(isNotFound);
    scope.headers.set('x-pathname', '/admin/audit');
    await expect(requireAdmin()).rejects.toSatisfy(isNotFound);
    const res = await hiddenRoute(new Request('http://localhost/api/files/abc?inline=1'));
    expect(res.status).toBe(404);
    expect(await send(hiddenThread, { threadId, body: 'free text never recorded' })).toMatchObject({ ok: false, message: en.errors.notFound });

    const rows = await denials(member.id);
    expect(rows.map((r) => r.details)).toEqual([
      { door: 'page', what: 'thread', path: '/threads/0f0e' },
      { door: 'page', path: '/threads/0f0e' },
      { door: 'page', what: 'admin', path: '/admin/audit' },
      { door: 'route', what: 'file', path: '/api/files/abc' },
      { door: 'action', what: 'thread', ids: { threadId } },
    ]);
    expect(rows.every((r) => r.ip === '203.0.113.5')).toBe(true);
  });

  it('at most the limit per member a minute; past it, only counted', async () => {
    const prober = await signedIn();
    await actAs(prober);
    const limit = pointsOf('authzDenied');
    const before = await counted('route', 'over_limit');
    for (let i = 0; i < limit + 5; i++) expect((await hiddenRoute(new Request(`http://localhost/api/files/${i}`))).status).toBe(404);
    expect(await denials(prober.id)).toHaveLength(limit);
    expect((await counted('route', 'over_limit')) - before).toBe(5);
  });

  it('anonymous failures are counted, not stored', async () => {
    await actAs(null);
    const before = await getDb().select().from(auditLog).where(eq(auditLog.action, 'authz.denied'));
    const [routeBefore, actionBefore] = [await counted('route', 'anonymous'), await counted('action', 'anonymous')];
    expect((await hiddenRoute(new Request('http://localhost/api/files/x'))).status).toBe(404);
    expect((await hiddenPublic(null, new FormData()))?.ok).toBe(false);
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, 'authz.denied'))).toHaveLength(before.length);
    expect((await counted('route', 'anonymous')) - routeBefore).toBe(1);
    expect((await counted('action', 'anonymous')) - actionBefore).toBe(1);
  });
});
