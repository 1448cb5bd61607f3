import { z } from 'zod';
import { choice, cursor, searchText } from './query';

/**
 * The filters of /publications (decision 030), read from the URL: an unknown value is ignored, never an
 * error. The alliance publishes in five languages, the language filter offers those.
 */
export const PUBLICATION_LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar'] as const;

export const publicationFiltersSchema = z.object({
  q: searchText(200),
  language: choice(PUBLICATION_LANGUAGES),
  cursor,
});
export type PublicationFilters = z.output<typeof publicationFiltersSchema>;
