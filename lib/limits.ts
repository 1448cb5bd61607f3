/**
 * Request size limits, set deliberately (decision 006). No imports: next.config.ts reads this file.
 *
 * The largest form the portal has is the block-list import: up to 1,000,000 characters of hashes (ASCII,
 * one byte each) and a one-line note. Server actions accept twice that; a larger input is answered with
 * a sentence by the action door (lib/actions.ts) rather than parsed.
 */
export const ACTION_INPUT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Next's own cap on a server action's body (serverActions.bodySizeLimit), enforced before any action
 * runs, where only the error page can answer. Far above ACTION_INPUT_MAX_BYTES, so a client that ignores
 * `maxlength` still gets the door's sentence; under the 10 MB the proxy buffers (proxyClientMaxBodySize).
 */
export const ACTION_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
