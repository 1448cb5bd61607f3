import 'server-only';
import { createHash } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { config } from '@/lib/config';
import { UserError } from '@/lib/errors';
import { logger } from '@/lib/logger';

/**
 * What a new password must be beyond its length (12 to 200 characters, lib/validation/fields.ts), checked
 * on the server for registration, reset and change (decision 012): not among the most common passwords nor
 * easy to guess (zxcvbn-ts with its common and English dictionaries, score 3 or more), not built on the
 * person's name or email, and, when BREACHED_PASSWORDS_URL is set, not in a known breach (a k-anonymity
 * range API: only the first 5 hex digits of the SHA-1 leave the portal). A breach service that cannot be
 * reached never blocks anyone: the check is skipped and logged.
 */
export type PasswordProblem = 'passwordCommon' | 'passwordPersonal' | 'passwordWeak' | 'passwordBreached';

const MIN_SCORE = 3;
const BREACH_TIMEOUT_MS = 3000;

let factory: ZxcvbnFactory | undefined;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // Bounded work per check (the defaults take seconds on a long password: a way to tie up the server).
    // Past 64 characters a password is long enough; four l33t substitutions still catch "p4ssw0rd".
    maxLength: 64,
    l33tMaxSubstitutions: 4,
  }));

/** The words of a person's name and email that a password must not be built on. */
export function personalWords(about: { name?: string | null; email?: string | null }): string[] {
  const [local = '', domain = ''] = (about.email ?? '').toLowerCase().split('@');
  const words = [...(about.name ?? '').toLowerCase().split(/[\s.,'’_-]+/), local, ...local.split(/[._+-]+/), domain.split('.')[0] ?? ''];
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/** Whether a password is in a known breach, by the range API; null when the service could not answer. */
export async function isBreached(password: string, baseUrl = config().BREACHED_PASSWORDS_URL): Promise<boolean | null> {
  if (!baseUrl) return false;
  const sha1 = createHash('sha1').update(password).digest('hex').toUpperCase();
  const prefix = sha1.slice(0, 5);
  try {
    const res = await fetch(`${baseUrl.replace(/\/?$/, '/')}${prefix}`, {
      headers: { 'Add-Padding': 'true', 'User-Agent': 'protectors-portal' },
      signal: AbortSignal.timeout(BREACH_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`answered ${res.status}`);
    const suffix = sha1.slice(5);
    return (await res.text()).split('\n').some((line) => {
      const [hash, count] = line.trim().split(':');
      return hash?.toUpperCase() === suffix && Number(count) > 0;
    });
  } catch (error) {
    logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'breached-password check skipped: service unavailable');
    return null;
  }
}

/** The first thing wrong with a new password, or null. */
export async function passwordProblem(
  password: string,
  about: { name?: string | null; email?: string | null } = {},
  breachedPasswordsUrl = config().BREACHED_PASSWORDS_URL,
): Promise<PasswordProblem | null> {
  const result = estimator().check(password, personalWords(about));
  const dictionary = result.sequence.filter((s) => s.pattern === 'dictionary');
  if (dictionary.some((s) => s.dictionaryName === 'userInputs' && s.token.length >= 3)) return 'passwordPersonal';
  if (result.score < MIN_SCORE) {
    return dictionary.some((s) => String(s.dictionaryName).startsWith('passwords')) ? 'passwordCommon' : 'passwordWeak';
  }
  if (await isBreached(password, breachedPasswordsUrl)) return 'passwordBreached';
  return null;
}

/** Refuses a new password with the reason beside the form's `field`. */
export async function assertAcceptablePassword(
  password: string,
  about: { name?: string | null; email?: string | null },
  field = 'password',
): Promise<void> {
  const problem = await passwordProblem(password, about);
  if (problem) throw new UserError(`validation.${problem}`, field);
}
