import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import en from '@/messages/en';
import { signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { NotFoundError, ServiceUnavailableError, UserError } from './errors';
import { logger } from './logger';
import { consume } from './rate-limit';
import { withViewer } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const seen: unknown[] = [];
const route = withViewer({
  access: 'member',
  params: z.object({ id: z.uuid() }),
  query: z.object({ q: z.string().trim().min(1).max(20), page: z.coerce.number().int().min(1).optional() }),
  rateLimit: 'upload',
  rateLimitMessage: 'resources.upload.refused.rateLimited',
  sameOrigin: true,
  async handler({ req, params, query, viewer, request, t }) {
    seen.push({ method: req.method, params, query, viewer: viewer.id, ip: request.ip });
    return Response.json({ said: t('discussions.space.followed') });
  },
});
const id = '3f1c2b9e-8d4a-4c1e-9b7a-2f6d5e4c3b2a';
const call = (query: string, init: RequestInit = {}, params: Record<string, string> = { id }) =>
  route(new Request(`http://portal.test/api/things/${params.id}?${query}`, { method: 'POST', ...init }), { params: Promise.resolve(params) });
const json = async (res: Response) => ({
  status: res.status,
  body: (await res.json()) as Record<string, unknown>,
  cache: res.headers.get('cache-control'),
});

beforeEach(async () => {
  seen.length = 0;
  await actAs(null);
});

describe('withViewer', () => {
  it('gives the handler the request, params, parsed query, viewer and request info; private, no-store by default', async () => {
    const viewer = await signedIn();
    await actAs(viewer);
    expect(await json(await call('q=%20tide%00s%20&page=2'))).toEqual({
      status: 200,
      body: { said: en.discussions.space.followed },
      cache: 'private, no-store',
    });
    expect(seen).toEqual([{ method: 'POST', params: { id }, query: { q: 'tides', page: 2 }, viewer: viewer.id, ip: '203.0.113.5' }]);
  });

  it('keeps the caching a handler chose', async () => {
    const image = withViewer({ access: 'public', handler: async () => new Response('x', { headers: { 'Cache-Control': 'private, max-age=300' } }) });
    expect((await image(new Request('http://portal.test/logo'))).headers.get('cache-control')).toBe('private, max-age=300');
    const moved = withViewer({ access: 'public', handler: async () => Response.redirect('http://portal.test/elsewhere', 303) });
    expect((await moved(new Request('http://portal.test/old'))).headers.get('cache-control')).toBe('private, no-store');
  });

  it('answers 401 to a signed-out visitor and to a suspended account', async () => {
    expect(await json(await call('q=x'))).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', message: en.errors.signedOut },
      cache: 'private, no-store',
    });
    const viewer = await signedIn();
    await actAs(viewer);
    await getDb().update(users).set({ status: 'suspended' }).where(eq(users.id, viewer.id));
    expect(await json(await call('q=x'))).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(seen).toEqual([]);
  });

  it('answers 400 field by field for a bad query, 404 for params that cannot exist', async () => {
    await actAs(await signedIn());
    expect(await json(await call('q=%00%01&page=0'))).toEqual({
      status: 400,
      body: { error: 'invalid', message: en.errors.checkFields, fields: { q: [en.validation.required], page: [expect.stringMatching(/./)] } },
      cache: 'private, no-store',
    });
    expect(await json(await call('q=x', {}, { id: 'not-a-uuid' }))).toMatchObject({
      status: 404,
      body: { error: 'not_found', message: en.errors.notFound },
    });
    expect(seen).toEqual([]);
  });

  it('refuses requests another site made, when asked to', async () => {
    await actAs(await signedIn());
    expect(await json(await call('q=x', { headers: { 'sec-fetch-site': 'cross-site' } }))).toMatchObject({
      status: 403,
      body: { error: 'forbidden', message: en.errors.crossSite },
    });
    expect((await call('q=x', { headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect((await call('q=x', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await call('q=x', { headers: { origin: 'null' } })).status).toBe(403);
    expect((await call('q=x', { headers: { 'sec-fetch-site': 'same-origin', origin: 'http://portal.test' } })).status).toBe(200);
    expect((await call('q=x', { headers: { origin: 'http://portal.test' } })).status).toBe(200);
    // Not a browser (no Sec-Fetch-Site, no Origin): it carries no one else's cookies.
    expect((await call('q=x')).status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it('answers 429 with the route’s sentence and Retry-After once the limit is used up', async () => {
    const viewer = await signedIn();
    await actAs(viewer);
    for (let i = 0; i < 29; i++) await consume('upload', `user:${viewer.id}`);
    expect((await call('q=x')).status).toBe(200);
    const res = await call('q=x');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(500);
    const body = (await res.json()) as { error: string; message: string };
    expect(body).toEqual({ error: 'rate_limited', message: 'You have reached the upload limit. You can upload again in 10 minutes.' });
  });

  it('maps NotFoundError to 404 and UserError to 400 with its sentence', async () => {
    await actAs(await signedIn());
    const missing = withViewer({ access: 'member', handler: async () => Promise.reject(new NotFoundError('file')) });
    expect(await json(await missing(new Request('http://portal.test/x')))).toMatchObject({
      status: 404,
      body: { error: 'not_found', message: en.errors.notFound },
    });
    const refused = withViewer({ access: 'member', handler: async () => Promise.reject(new UserError('directory.logo.empty', 'logo')) });
    expect(await json(await refused(new Request('http://portal.test/x')))).toEqual({
      status: 400,
      body: { error: 'invalid', message: en.directory.logo.empty, fields: { logo: [en.directory.logo.empty] } },
      cache: 'private, no-store',
    });
  });

  it('logs an unexpected error without the values bound to its query and answers 500 with a neutral sentence', async () => {
    await actAs(await signedIn());
    const secret = 'private-value-7c2e';
    // Route handlers log through a child logger carrying the request id.
    const calls: unknown[] = [];
    const spy = vi
      .spyOn(logger, 'child')
      .mockImplementation(() => ({ error: (...args: unknown[]) => calls.push(args), warn: () => undefined }) as never);
    const broken = withViewer({
      access: 'member',
      query: z.object({ q: z.string() }),
      async handler({ query }) {
        await getDb().execute(sql`select ${query.q}::uuid as id`);
        return new Response('unreachable');
      },
    });
    expect(await json(await broken(new Request(`http://portal.test/x?q=${secret}`)))).toMatchObject({
      status: 500,
      body: { error: 'unexpected', message: en.errors.unexpected },
    });
    const logged = JSON.stringify(calls);
    expect(logged).toContain('Failed query: select $1::uuid as id');
    expect(logged).not.toContain(secret);
    spy.mockRestore();
  });

  it('answers 503 when a service it needs is down, and gives every answer a request id', async () => {
    const down = withViewer({
      access: 'public',
      async handler() {
        throw new ServiceUnavailableError('storage');
      },
    });
    const res = await down(new Request('http://portal.test/x'));
    expect(await json(res)).toMatchObject({ status: 503, body: { error: 'unavailable', message: en.errors.serviceUnavailable } });
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('answers 503, not 500, when the database cannot be reached, whether the driver or a failed query says so', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = new Error('Failed query: select 1', {
      cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    });
    for (const error of [refused, shutdown]) {
      const down = withViewer({
        access: 'public',
        async handler() {
          throw error;
        },
      });
      expect(await json(await down(new Request('http://portal.test/x')))).toMatchObject({ status: 503, body: { error: 'unavailable' } });
    }
    const broken = withViewer({
      access: 'public',
      async handler() {
        throw Object.assign(new Error('duplicate key'), { code: '23505' });
      },
    });
    expect((await broken(new Request('http://portal.test/x'))).status).toBe(500);
  });
});
