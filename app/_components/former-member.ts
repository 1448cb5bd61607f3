import 'server-only';
import { getTranslations } from 'next-intl/server';

/**
 * A deleted account keeps an empty name (decision 020): wherever a person's name is shown, it reads
 * "Former member" instead, never linked. `named(name)` gives the name or that label.
 */
export async function formerMemberNames(): Promise<(name: string | null | undefined) => string> {
  const t = await getTranslations('common');
  return (name) => name || t('formerMember');
}
