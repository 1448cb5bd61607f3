import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { NotFoundError, UserError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { consume, type RuleName } from '@/lib/rate-limit';
import { requestInfo, type RequestInfo } from '@/lib/request';
import { fieldErrors } from '@/lib/validation/messages';
import type { ActionState } from '@/lib/action-state';

export type { ActionState };

type Access = 'public' | 'member';

interface Context<A extends Access> {
  viewer: A extends 'member' ? Viewer : Viewer | null;
  request: RequestInfo;
}

interface ActionDefinition<S extends z.ZodType, T, A extends Access> {
  access: A;
  schema: S;
  /** A rate limit keyed on the member (member actions) or the client address (public ones). */
  rateLimit?: RuleName;
  /** Fields never echoed back into the form (passwords). */
  secretFields?: string[];
  handler: (input: z.output<S>, ctx: Context<A>) => Promise<{ data?: T; message?: string } | void>;
}

/** FormData → plain object: repeated names become arrays, empty strings and internal fields are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof raw !== 'string' || raw === '') continue;
    const existing = out[key];
    out[key] = existing === undefined ? raw : Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return out;
}

/**
 * The one wrapper every server action goes through: loads the viewer from the session row (refusing
 * anyone not active for member actions), parses the input with the action's schema, applies the rate
 * limit (to well-formed submissions only, so correcting a typo costs nothing), and answers `{ ok, data } | { ok: false, message, fieldErrors }` for useActionState.
 */
export function defineAction<S extends z.ZodType, T = undefined, A extends Access = 'member'>(def: ActionDefinition<S, T, A>) {
  return async function action(_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> {
    const tErrors = await getTranslations('errors');
    const raw = formDataToObject(formData);
    const values = Object.fromEntries(
      Object.entries(raw).filter(([k, v]) => typeof v === 'string' && !(def.secretFields ?? []).includes(k)),
    ) as Record<string, string>;
    try {
      const viewer = await getViewer();
      if (def.access === 'member' && !viewer) return { ok: false, message: tErrors('signedOut'), values };
      const request = await requestInfo();
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) {
        const tValidation = await getTranslations('validation');
        return { ok: false, message: tErrors('checkFields'), fieldErrors: fieldErrors(parsed.error, tValidation), values };
      }
      if (def.rateLimit) {
        const limit = await consume(def.rateLimit, viewer ? `user:${viewer.id}` : `ip:${request.ip}`);
        if (!limit.ok) {
          const minutes = Math.ceil(limit.retryAfterSeconds / 60);
          return { ok: false, message: tErrors('rateLimited', { minutes }), values };
        }
      }
      const result = await def.handler(parsed.data, { viewer, request } as Context<A>);
      return { ok: true, data: result?.data as T, message: result?.message };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof NotFoundError) return { ok: false, message: tErrors('notFound'), values };
      if (error instanceof UserError) {
        const message = (await getTranslations())(error.messageKey, error.values);
        return error.field
          ? { ok: false, message: tErrors('checkFields'), fieldErrors: { [error.field]: [message] }, values }
          : { ok: false, message, values };
      }
      logger.error({ err: error }, 'action failed');
      return { ok: false, message: tErrors('unexpected'), values };
    }
  };
}
