import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { config } from '@/lib/config';
import { decodeSessionCookie, sessionCookieName } from './cookie';
import { pendingSessionFor, viewerForSession, type PendingSession, type Viewer } from './sessions';

export type { PendingSession, Viewer };

/** The raw session id in this request's cookie, or null. */
const sessionIdOfRequest = cache(async (): Promise<string | null> => {
  // cookies() first: during `next build` it marks the page dynamic before configuration (checked at start) is read.
  const jar = await cookies();
  const name = sessionCookieName();
  const token = jar.get(name)?.value;
  if (!token) return null;
  const payload = await decodeSessionCookie({ token, secret: config().authSecret, salt: name }).catch(() => null);
  return payload && typeof payload.sid === 'string' ? payload.sid : null;
});

/** The live session's person, whether or not they have accepted the guidelines in force; cached per request. */
const sessionViewer = cache(async (): Promise<Viewer | null> => {
  const sid = await sessionIdOfRequest();
  return sid ? viewerForSession(sid) : null;
});

/**
 * The signed-in, active viewer for this request, or null. Checked against the session row; cached per
 * request. Someone who has not yet accepted the guidelines in force is no viewer (decision 019): every
 * page, action and route refuses them until they accept on /guidelines/accept.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const viewer = await sessionViewer();
  return viewer && !viewer.guidelinesPending ? viewer : null;
});

/** The signed-in person who must accept a newer version of the guidelines before anything else, or null. */
export const getGuidelinesPendingViewer = cache(async (): Promise<Viewer | null> => {
  const viewer = await sessionViewer();
  return viewer?.guidelinesPending ? viewer : null;
});

/** This request's session when it has passed the password and waits for the second factor (or its enrolment); cached per request. */
export const getPendingSession = cache(async (): Promise<PendingSession | null> => {
  const sid = await sessionIdOfRequest();
  return sid ? pendingSessionFor(sid) : null;
});

/** Why the doors refuse a request that has no viewer: signed out, or the guidelines in force not yet accepted. */
export async function signedOutReason(): Promise<'errors.signedOut' | 'guidelines.accept.required'> {
  return (await getGuidelinesPendingViewer()) ? 'guidelines.accept.required' : 'errors.signedOut';
}
