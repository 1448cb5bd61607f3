import countries from 'i18n-iso-countries';
import { z } from 'zod';

/**
 * Field building blocks shared by forms and actions (safe in the browser). Messages are keys in the
 * `validation` namespace; lib/validation/messages.ts turns issues into sentences. Free text is built with
 * ./text (single-line and multi-line fields), list filters read from URLs with ./query.
 */
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'invalidEmail' }));

export const newPassword = z
  .string()
  .min(12, { error: 'passwordTooShort' })
  .max(200)
  .refine((v) => v.trim().length >= 12, { error: 'passwordTooShort' });

/** An http(s) address; a bare domain gets https:// in front. */
export const website = z
  .string()
  .trim()
  .max(300)
  .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .pipe(z.url({ protocol: /^https?$/, error: 'invalidUrl' }));

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => countries.isValid(v), { error: 'invalidCountry' });

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
export const checkbox = z
  .enum(['on', 'true', 'false'])
  .optional()
  .transform((v) => v === 'on' || v === 'true');

/** A write's input as callers other than forms build it: the "I have checked" box (lib/identifying) may be left out. */
export type WithAcknowledgement<T extends { identifyingChecked: boolean }> = Omit<T, 'identifyingChecked'> & { identifyingChecked?: boolean };

export const uuid = z.uuid({ error: 'invalidChoice' });

export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: 'invalidDomain' });
