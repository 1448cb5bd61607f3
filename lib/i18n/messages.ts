import type { Locale } from './locales';
import en from '@/messages/en';

/** Message catalogues, one namespace per file under messages/<locale>/. */
const catalogues = { en } satisfies Record<Locale, unknown>;

export type Messages = typeof en;

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
