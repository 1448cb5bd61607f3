import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { config } from '@/lib/config';
import { logger as log } from '@/lib/logger';
import { requestInfo } from '@/lib/request';
import { signInSchema } from '@/lib/validation/auth';
import { authenticate } from './authenticate';
import { decodeSessionCookie, secureCookies, sessionCookieName } from './cookie';
import { browserDevice } from './devices';
import { endSessionOnSignOut, pendingSessionFor, viewerForSession } from './sessions';
import { recordSecondFactor } from './sign-in-outcome';

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
    jwt: { decode: decodeSessionCookie },
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
          const info = { ...(await requestInfo()), device: await browserDevice() };
          const outcome = await authenticate(parsed.data.email, parsed.data.password, info);
          if (!outcome.ok) throw new SignInRefused(outcome.code);
          recordSecondFactor(outcome.secondFactor);
          return { id: outcome.sessionId };
        },
      }),
    ],
    events: {
      // Auth.js's own sign-out endpoint (POST /api/auth/signout) clears the cookie; the session row ends too.
      async signOut(message) {
        const sid = 'token' in message && typeof message.token?.sid === 'string' ? message.token.sid : '';
        if (sid) await endSessionOnSignOut(sid, (await requestInfo()).ip);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) return { sid: user.id };
        const sid = typeof token.sid === 'string' ? token.sid : '';
        // A session waiting for its second factor keeps its cookie (lib/auth/second-factor.ts finishes it).
        return (await viewerForSession(sid)) || (await pendingSessionFor(sid)) ? token : null;
      },
      async session({ session }) {
        // Nothing about the session id reaches the browser.
        return { expires: session.expires } as typeof session;
      },
    },
  };
});
