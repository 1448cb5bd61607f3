import type { Instrumentation } from 'next';

/** Runs once when a server process starts: configuration, database, migrations, workers, metrics. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/startup');
  await startServer();
}

/**
 * Every error a page, route or action throws: logged with the request id and the digest the error page
 * shows, so what a member quotes leads to this line. No path or query (they may hold search terms), only
 * the route's pattern.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('./lib/startup');
  logRequestError(error, request.headers, context);
};
