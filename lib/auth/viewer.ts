import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { cache } from 'react';
import { config } from '@/lib/config';
import { sessionCookieName } from './cookie';
import { viewerForSession, type Viewer } from './sessions';

export type { Viewer };

/** The signed-in, active viewer for this request, or null. Checked against the session row; cached per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // cookies() first: during `next build` it marks the page dynamic before configuration (checked at start) is read.
  const jar = await cookies();
  const name = sessionCookieName();
  const token = jar.get(name)?.value;
  if (!token) return null;
  const payload = await decode({ token, secret: config().authSecret, salt: name }).catch(() => null);
  const sid = payload && typeof payload.sid === 'string' ? payload.sid : null;
  return sid ? viewerForSession(sid) : null;
});
