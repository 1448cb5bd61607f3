/**
 * Errors the data-access layer throws. The action wrapper and route handlers turn them into answers;
 * anything else is logged and answered with a neutral message (never a stack trace).
 */
export class NotFoundError extends Error {
  constructor(what = 'resource') {
    super(`${what} not found`);
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
