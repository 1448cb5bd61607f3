import 'server-only';
import { headers } from 'next/headers';
import pino, { type Logger } from 'pino';
import { config, ConfigError } from './config';
import { loggableError, withoutEmails } from './errors';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';

/** The configured level; a configuration error is reported by start-up (lib/startup.ts), so log at info meanwhile. */
function level(): string {
  try {
    return config().LOG_LEVEL;
  } catch (error) {
    if (error instanceof ConfigError) return 'info';
    throw error;
  }
}

export { withoutEmails };

/**
 * Structured logs on stdout. Never log passwords, tokens, message bodies or other personal data: people
 * and things are named by their ids. Inside a request, log through requestLogger() (pages, actions) or
 * routeLogger() (route handlers) so every line carries the request id the member can quote.
 */
export const loggerOptions: pino.LoggerOptions = {
  redact: ['password', '*.password', 'token', '*.token', 'passwordHash', '*.passwordHash', 'email', '*.email'],
  base: undefined,
  // A failed query's parameters (emails, hashes, email bodies) never reach a log line, whichever key
  // the error is logged under: only the query and the database's error code are kept.
  serializers: { err: loggableError, error: (value: unknown) => (value instanceof Error ? loggableError(value) : value) },
};

export const logger = pino({ level: level(), ...loggerOptions });

/**
 * A logger whose lines carry this request's id (set by proxy.ts on every page request). Outside a request
 * (workers, scripts), or without an id, the plain logger.
 */
export async function requestLogger(): Promise<Logger> {
  let requestId: string | null = null;
  try {
    requestId = (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // Not inside a request.
  }
  return requestId ? logger.child({ requestId }) : logger;
}

/**
 * For route handlers, which proxy.ts does not see (/api is outside its matcher): the id a trusted reverse
 * proxy sent, or a fresh one, and a logger carrying it. Return `requestId` as the `X-Request-Id` header.
 */
export function routeLogger(req: Request): { requestId: string; log: Logger } {
  let trusted = false;
  try {
    trusted = config().TRUSTED_PROXIES > 0;
  } catch {
    // A configuration error is reported by start-up.
  }
  const requestId = requestIdFor(req.headers.get(REQUEST_ID_HEADER), trusted);
  return { requestId, log: logger.child({ requestId }) };
}
