import { encode } from 'next-auth/jwt';
import { createTranslator } from 'next-intl';
import { sessionCookieName } from '@/lib/auth/cookie';
import { config } from '@/lib/config';
import en from '@/messages/en';

/**
 * The request a door sees, for tests of the doors (lib/actions.ts, lib/route.ts) and the routes: the
 * session cookie and headers `next/headers` hands out, and English translations. The viewer is still
 * loaded by the real getViewer from the session row, so a suspended account is refused as in production.
 * In a test file:
 *   vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
 *   vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);
 */
export const scope = { cookie: null as string | null, headers: new Headers({ 'x-forwarded-for': '203.0.113.5', 'user-agent': 'vitest' }) };

/** The next requests carry this session's cookie (null: signed out). */
export async function actAs(session: { rawSessionId: string } | null): Promise<void> {
  const salt = sessionCookieName();
  scope.cookie = session ? await encode({ token: { sid: session.rawSessionId }, secret: config().authSecret, salt }) : null;
}

export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => (scope.cookie && name === sessionCookieName() ? { name, value: scope.cookie } : undefined),
  }),
  headers: async () => scope.headers,
};

export const nextIntlServer = {
  getLocale: async () => 'en',
  getTranslations: async (namespace?: string) => createTranslator({ locale: 'en', messages: en, namespace: namespace as never }),
};
