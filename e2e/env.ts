import path from 'node:path';

/**
 * Settings shared by playwright.config.ts (the web server's environment) and the specs (where to read
 * emails). Relative paths are resolved from the repository root, the directory Playwright runs in.
 */
export const E2E_PORT = Number(process.env.E2E_PORT || 3300);
export const E2E_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = path.resolve('.data/e2e');
export const E2E_OUTBOX_DIR = path.join(E2E_DATA_DIR, 'outbox');
export const E2E_PGLITE_DIR = path.join(E2E_DATA_DIR, 'pglite');
export const E2E_UPLOADS_DIR = path.join(E2E_DATA_DIR, 'uploads');

/** A fixed secret: the e2e server runs with NODE_ENV=production, which requires one. Test use only. */
export const E2E_AUTH_SECRET = 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** The e2e server only ever talks to a database on this machine (its data is created and changed freely). */
export function assertLocalDatabase(url: string | undefined): void {
  if (!url) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL; the end-to-end tests refuse to start.');
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const socket = parsed.searchParams.get('host');
  const local = ['localhost', '127.0.0.1', '::1'].includes(host) || (host === '' && (!socket || socket.startsWith('/')));
  if (!local) {
    throw new Error(
      `DATABASE_URL points at "${parsed.hostname}": the end-to-end tests create and change data freely, so they only run against a database on this machine (localhost, 127.0.0.1 or ::1).`,
    );
  }
}
