import { describe, expect, it, vi } from 'vitest';
import { signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { POST_MAX } from '@/lib/values';
import { POST } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

function send(body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://portal.test/api/identifying/names', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...headers },
    }),
  );
}

describe('POST /api/identifying/names (names in a draft, as the member writes)', () => {
  it('finds a full name with its offsets; a first name alone and mentions are not names', async () => {
    await actAs(await signedIn());
    const text = 'Thanks Sofia. We met Maria Gonzalez yesterday; [@Ana Lima](/people/00000000-0000-4000-8000-000000000000) agrees.';
    const res = await send({ text });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const { matches } = (await res.json()) as { matches: { kind: string; start: number; end: number; text: string }[] };
    expect(matches.map((m) => [m.kind, m.text])).toEqual([['person_name', 'Maria Gonzalez']]);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('Maria Gonzalez');
  });

  it('answers nothing to anyone signed out, or to another site’s page', async () => {
    await actAs(null);
    expect((await send({ text: 'Maria Gonzalez' })).status).toBe(401);
    await actAs(await signedIn());
    expect((await send({ text: 'Maria Gonzalez' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses what is not a draft: no text, not JSON, longer than a post', async () => {
    await actAs(await signedIn());
    for (const body of [{}, { text: 42 }, 'not json', { text: 'x'.repeat(POST_MAX + 1) }]) {
      const res = await send(body);
      expect(res.status, JSON.stringify(body).slice(0, 30)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid' });
    }
  });
});
