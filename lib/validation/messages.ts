import type { z } from 'zod';

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

/** Turns one zod issue into a sentence from the `validation` namespace. */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message && t.has(issue.message)) return t(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return t('required');
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? t('required') : t('tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('invalidEmail') : issue.format === 'url' ? t('invalidUrl') : t('invalidFormat');
    case 'invalid_value':
      return t('invalidChoice');
    default:
      return t('invalidFormat');
  }
}

/** Field-level messages for a failed parse, keyed by the first path segment ("_form" for the whole form). */
export function fieldErrors(error: z.ZodError, t: Translate): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    const message = issueMessage(issue, t);
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}
