import providers from 'email-providers/all.json';

/**
 * Free and public email providers (gmail.com, yahoo.fr, uol.com.br…: the `email-providers` list, about
 * 8,700 domains). An address at one says nothing about the organisation its owner works for: it never
 * "matches" an organisation and never becomes an organisation's email domain.
 */
const FREE = new Set<string>(providers);

/** The domain of an address, lower-cased. */
export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export function isFreeMailDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return FREE.has(d);
}
