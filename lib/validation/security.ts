import { z } from 'zod';
import { checkbox, uuid } from './fields';
import { singleLine } from './text';

/** Six digits from an authenticator app (spaces people type are dropped). */
export const totpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'totpCode' }));

/** The second step of signing in: a code from an app, or a recovery code ("abcde-fghij"). */
export const secondFactorCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^(\d{3}\s?\d{3}|[a-zA-Z2-7]{5}-?[a-zA-Z2-7]{5})$/, { error: 'secondFactorCode' }),
  next: z.string().max(500).optional(),
});

export const enrolTotpSchema = z.object({
  token: z.string().min(1).max(1000),
  code: totpCode,
  name: singleLine(60),
  next: z.string().max(500).optional(),
});

export const factorIdSchema = z.object({ id: uuid });

export const resetSecondFactorSchema = z.object({ userId: uuid });

export const requireSecondFactorSchema = z.object({ required: checkbox });

/** The browser's answer to a WebAuthn ceremony, sent as JSON text (@simplewebauthn/browser's output); checked by the server library. */
const keyResponse = z
  .string()
  .max(64_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'keyResponse' });
      return z.NEVER;
    }
  })
  .pipe(
    z.looseObject(
      {
        id: z.string().min(1).max(1400),
        rawId: z.string().min(1).max(1400),
        type: z.literal('public-key'),
        response: z.looseObject({ clientDataJSON: z.string().max(8000) }),
        clientExtensionResults: z.looseObject({}),
      },
      { error: 'keyResponse' },
    ),
  );

export const registerKeySchema = z.object({
  name: singleLine(60),
  response: keyResponse,
  next: z.string().max(500).optional(),
});

export const keySignInSchema = z.object({
  response: keyResponse,
  next: z.string().max(500).optional(),
});

/** Asking for a key ceremony's options carries the key's name (checked before the browser is asked) or nothing. */
export const keyOptionsSchema = z.object({ name: singleLine(60).optional() });
