/**
 * Errors the data-access layer throws. The action wrapper and route handlers turn them into answers;
 * anything else is logged and answered with a neutral message (never a stack trace).
 */
export class NotFoundError extends Error {
  /** What was not found ('thread', 'file', 'admin'…): recorded with an authorization failure (lib/audit/denied.ts). */
  readonly what: string;
  constructor(what = 'resource') {
    super(`${what} not found`);
    this.what = what;
  }
}

/** A problem the person can fix: `messageKey` is a full message key ("errors.wrongPassword"); `field` puts it beside a field. */
export class UserError extends Error {
  constructor(
    readonly messageKey: string,
    readonly field?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(messageKey);
  }
}

/**
 * Text that looks like it could identify a victim or a case (lib/identifying): refused until the author
 * ticks "I have checked". `kinds` are IDENTIFYING_KINDS; the action door names them in the field's message.
 */
export class IdentifyingDetailsError extends UserError {
  constructor(
    readonly kinds: readonly string[],
    field = 'body',
    /** The kinds found in each field, when several were checked together (a thread's title and body); `field` is the first. */
    readonly byField: Readonly<Record<string, readonly string[]>> = { [field]: kinds },
  ) {
    super('identifying.refused', field);
  }
}

const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[A-Za-z]{2,}/g;

/** A text with the email addresses in it replaced (errors from SMTP servers and databases quote them). */
export function withoutEmails(text: string): string {
  return text.replace(EMAIL, '<email>');
}

/** Drizzle's "params: …" lines (the values bound to a failed query) and email addresses out of a text. */
const withoutParams = (text: string) => withoutEmails(text.replace(/\nparams: .*$/gm, ''));

/**
 * An unexpected error as it is logged (every pino `err`/`error`, lib/logger.ts) and stored (a job's
 * last error): its kind, message and stack frames, the SQL of a failed query and its cause's SQLSTATE,
 * never the values bound to the query (emails, names, password hashes, email bodies): drizzle writes
 * them into its message and stack ("params: …"), PGlite keeps them in `params`, postgres.js in
 * `parameters`, and Postgres repeats them in `detail`, so none of those fields is copied.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const failedQuery = 'query' in error && typeof error.query === 'string' && ('params' in error || 'parameters' in error);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: Record<string, unknown> = {
    name: error.name,
    message: failedQuery ? `Failed query: ${error.query as string}` : withoutParams(error.message),
    stack: frames.join('\n'),
  };
  if (failedQuery) out.query = error.query;
  if ('code' in error && typeof error.code === 'string') out.code = error.code;
  if (error.cause !== undefined) {
    const cause = loggableError(error.cause);
    // A query's cause is the database's own error: its message can quote the bad value; its code says enough.
    out.cause = failedQuery ? { name: cause.name, code: cause.code } : cause;
  }
  return out;
}

/** One line for a stored "last error" (jobs, emails): the loggable message, at most 500 characters. */
export function loggableMessage(error: unknown): string {
  const out = loggableError(error);
  const code = typeof out.code === 'string' ? ` (${out.code})` : '';
  return `${String(out.message ?? out.type)}${code}`.slice(0, 500);
}

/**
 * A service the portal depends on (file storage) cannot be reached: not the member's doing, and not a
 * missing thing either. Route handlers answer 503 (lib/route.ts).
 */
export class ServiceUnavailableError extends Error {
  constructor(readonly service: 'storage' | 'database') {
    super(`${service} unavailable`);
  }
}

/** postgres.js's own codes for a lost or refused connection, the socket's, and Postgres's shutdown and connection SQLSTATEs (classes 08 and 57P). */
const DATABASE_DOWN = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * The error as the doors answer it: a ServiceUnavailableError as it is, a database that cannot be
 * reached (the error or, for a failed drizzle query, its cause) as ServiceUnavailableError('database'),
 * anything else unchanged.
 */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof ServiceUnavailableError) return error;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
    if (DATABASE_DOWN.has(code) || code.startsWith('08') || code.startsWith('57P')) return new ServiceUnavailableError('database');
  }
  return error;
}
