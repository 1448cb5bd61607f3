import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { config } from '@/lib/config';
import { logger as log } from '@/lib/logger';
import { requestInfo } from '@/lib/request';
import { signInSchema } from '@/lib/validation/auth';
import { authenticate } from './authenticate';
import { secureCookies, sessionCookieName } from './cookie';
import { viewerForSession } from './sessions';

/** A sign-in refusal whose `code` the sign-in form turns into a message. Codes never reveal whether an email exists. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: 'invalid' | 'rate_limited' | 'unverified' | 'pending' | 'rejected' | 'suspended') {
    super();
    this.code = code;
  }
}

/**
 * Auth.js issues and clears the cookie; the JWT inside carries nothing but a random session id (`sid`).
 * Every request checks the session row (lib/auth/viewer.ts); the jwt callback does too, so /api/auth/session
 * reports a revoked session as signed out and clears its cookie.
 */
export const { handlers, signIn, signOut } = NextAuth(() => {
  const maxAge = config().SESSION_MAX_DAYS * 86_400;
  return {
    secret: config().authSecret,
    trustHost: true,
    logger: {
      error(error: Error) {
        // A refused sign-in is an expected answer (and audited), not a server error.
        if (error instanceof CredentialsSignin) return;
        log.error({ err: error }, 'auth error');
      },
    },
    session: { strategy: 'jwt', maxAge, updateAge: 0 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies() },
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new SignInRefused('invalid');
          const outcome = await authenticate(parsed.data.email, parsed.data.password, await requestInfo());
          if (!outcome.ok) throw new SignInRefused(outcome.code);
          return { id: outcome.sessionId };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) return { sid: user.id };
        const sid = typeof token.sid === 'string' ? token.sid : '';
        return (await viewerForSession(sid)) ? token : null;
      },
      async session({ session }) {
        // Nothing about the session id reaches the browser.
        return { expires: session.expires } as typeof session;
      },
    },
  };
});
