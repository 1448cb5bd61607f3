import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { isRecentlyVerified, REAUTH_FIELD, ReauthRequired, reauthenticate } from '@/lib/auth/reauth';
import { identifierFields, recordDenied } from '@/lib/audit/denied';
import { getViewer, signedOutReason, type Viewer } from '@/lib/auth/viewer';
import { asUnavailable, IdentifyingDetailsError, loggableError, NotFoundError, ServiceUnavailableError, UserError } from '@/lib/errors';
import { ACTION_INPUT_MAX_BYTES } from '@/lib/limits';
import { requestLogger } from '@/lib/logger';
import { consume, type RuleName } from '@/lib/rate-limit';
import { addressKey, requestInfo, type RequestInfo } from '@/lib/request';
import { fieldErrors } from '@/lib/validation/messages';
import { stripControlCharacters } from '@/lib/validation/text';
import type { ActionState } from '@/lib/action-state';

export type { ActionState };

type Access = 'public' | 'member';
type Values = Record<string, string | number>;

/** The translated result message of an action: `return say('discussions.space.followed')` (a full message key). */
export type Say = (key: string, values?: Values) => { message: string };

export interface ActionContext<A extends Access> {
  viewer: A extends 'member' ? Viewer : Viewer | null;
  request: RequestInfo;
  say: Say;
}

type Handler<S extends z.ZodType, T, A extends Access> = (
  input: z.output<S>,
  ctx: ActionContext<A>,
) => Promise<{ data?: T; message?: string } | void>;

interface Options {
  /** A rate limit keyed on the member (member actions) or the client address (public ones); false for none. */
  rateLimit: RuleName | false;
  /** Fields never echoed back into the form (passwords). */
  secretFields?: readonly string[];
  /**
   * A sensitive step (lib/auth/reauth.ts): refused with "confirm it's you" when the session's last
   * password or second-factor check is older than 10 minutes; the form then sends the password or a code.
   */
  reauth?: boolean;
}

/** What useActionState calls. */
export type Action<T> = (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/** FormData → plain object: repeated names become arrays; control characters, empty strings and internal fields are dropped. */
function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, entry] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof entry !== 'string') continue;
    const raw = stripControlCharacters(entry);
    if (raw === '') continue;
    const existing = out[key];
    out[key] = existing === undefined ? raw : Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return out;
}

/** A submission as a refused form gets it back: single values, and the fields that had several (checkbox groups). */
function echoOf(
  raw: Record<string, string | string[]>,
  leaveOut: readonly string[],
): { values: Record<string, string>; lists: Record<string, string[]> } {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (leaveOut.includes(name)) continue;
    if (Array.isArray(value)) lists[name] = value;
    else values[name] = value;
  }
  return { values, lists };
}

/** The bytes a submission carries (text as UTF-8, files by size). */
function formDataBytes(formData: FormData): number {
  let bytes = 0;
  for (const [key, entry] of formData.entries())
    bytes += Buffer.byteLength(key) + (typeof entry === 'string' ? Buffer.byteLength(entry) : entry.size);
  return bytes;
}

/**
 * The one door every server action goes through: refuses an input over ACTION_INPUT_MAX_BYTES with a
 * sentence, loads the viewer from the session row (refusing anyone not active for member actions),
 * parses the input with the action's schema, applies the rate limit (to well-formed submissions only,
 * so correcting a typo costs nothing), and answers `{ ok, data } | { ok: false, message, fieldErrors }`
 * for useActionState. Control characters never reach a schema. Use the presets below.
 */
function defineAction<S extends z.ZodType, T, A extends Access>(access: A, schema: S, options: Options, handler: Handler<S, T, A>): Action<T> {
  return async function action(_prev, formData) {
    const t = await getTranslations();
    if (formDataBytes(formData) > ACTION_INPUT_MAX_BYTES) {
      return { ok: false, message: t('errors.tooLarge', { max: ACTION_INPUT_MAX_BYTES / 1024 / 1024 }) };
    }
    const { [REAUTH_FIELD]: reauthSecret, ...raw } = formDataToObject(formData);
    // What a refused submission sends back into the form (never the secret fields).
    const echo = echoOf(raw, options.secretFields ?? []);
    const confirmIdentity = (message: string, fieldMessage?: string) => ({
      ok: false as const,
      message,
      reauth: true,
      fieldErrors: fieldMessage ? { [REAUTH_FIELD]: [fieldMessage] } : undefined,
      ...echo,
    });
    let viewer: Viewer | null = null;
    let input: unknown;
    try {
      viewer = await getViewer();
      if (access === 'member' && !viewer) return { ok: false, message: t(await signedOutReason()), ...echo };
      const request = await requestInfo();
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        // A value over its field's maximum came from a client that ignores maxlength: not sent back (it can be megabytes).
        const overLong = parsed.error.issues.filter((issue) => issue.code === 'too_big').map((issue) => String(issue.path[0]));
        return {
          ok: false,
          message: t('errors.checkFields'),
          fieldErrors: fieldErrors(parsed.error, await getTranslations('validation')),
          ...echoOf(raw, [...(options.secretFields ?? []), ...overLong]),
        };
      }
      if (options.rateLimit) {
        const limit = await consume(options.rateLimit, viewer ? `user:${viewer.id}` : `ip:${addressKey(request.ip)}`);
        if (!limit.ok) return { ok: false, message: t('errors.rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), ...echo };
      }
      if (viewer && typeof reauthSecret === 'string') {
        const outcome = await reauthenticate(viewer, reauthSecret, request);
        if (outcome !== 'ok') {
          const message = t(outcome === 'wrong' ? 'security.reauth.wrong' : 'security.reauth.rateLimited');
          return confirmIdentity(t('errors.checkFields'), message);
        }
        viewer = { ...viewer, verifiedAt: new Date() };
      }
      if (options.reauth && viewer && !isRecentlyVerified(viewer)) return confirmIdentity(t('security.reauth.needed'));
      input = parsed.data;
      const say: Say = (key, sayValues) => ({ message: t(key, sayValues) });
      const result = await handler(parsed.data, { viewer, request, say } as ActionContext<A>);
      return { ok: true, data: result?.data as T, message: result?.message };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ReauthRequired) return confirmIdentity(t('security.reauth.needed'));
      if (error instanceof NotFoundError) {
        await recordDenied(viewer, { door: 'action', what: error.what, ids: identifierFields(input) }, (await requestInfo()).ip);
        return { ok: false, message: t('errors.notFound'), ...echo };
      }
      if (error instanceof IdentifyingDetailsError) {
        const list = new Intl.ListFormat(await getLocale(), { type: 'conjunction' });
        const fieldErrors = Object.fromEntries(
          Object.entries(error.byField).map(([field, kinds]) => [
            field,
            [t(error.messageKey, { kinds: list.format(kinds.map((k) => t(`identifying.kinds.${k}`))) })],
          ]),
        );
        return {
          ok: false,
          message: t('errors.checkFields'),
          fieldErrors,
          identifying: [...error.kinds],
          ...echo,
        };
      }
      if (error instanceof UserError) {
        const message = t(error.messageKey, error.values);
        return error.field
          ? { ok: false, message: t('errors.checkFields'), fieldErrors: { [error.field]: [message] }, ...echo }
          : { ok: false, message, ...echo };
      }
      const unavailable = asUnavailable(error);
      if (unavailable instanceof ServiceUnavailableError) {
        (await requestLogger()).warn({ service: unavailable.service }, 'service unavailable');
        return { ok: false, message: t('errors.serviceUnavailable'), ...echo };
      }
      (await requestLogger()).error({ error: loggableError(error) }, 'action failed');
      return { ok: false, message: t('errors.unexpected'), ...echo };
    }
  };
}

type MemberOptions = Partial<Options>;

/**
 * A server action for signed-in, active members, rate limited per member (`memberAction` unless
 * `options.rateLimit` says otherwise): `memberAction(schema, handler)` or `memberAction(schema, options, handler)`.
 */
export function memberAction<S extends z.ZodType, T = undefined>(schema: S, handler: Handler<S, T, 'member'>): Action<T>;
export function memberAction<S extends z.ZodType, T = undefined>(schema: S, options: MemberOptions, handler: Handler<S, T, 'member'>): Action<T>;
export function memberAction<S extends z.ZodType, T>(
  schema: S,
  second: MemberOptions | Handler<S, T, 'member'>,
  third?: Handler<S, T, 'member'>,
): Action<T> {
  const [options, handler] = typeof second === 'function' ? [{}, second] : [second, third!];
  return defineAction('member', schema, { rateLimit: 'memberAction', ...options }, handler);
}

/**
 * A server action anyone may call (sign-in, registration, password reset). The rate limit, keyed on the
 * client address, is chosen for each: there is no sensible default for these doors.
 */
export function publicAction<S extends z.ZodType, T = undefined>(schema: S, options: Options, handler: Handler<S, T, 'public'>): Action<T> {
  return defineAction('public', schema, options, handler);
}
