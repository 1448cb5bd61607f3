import 'server-only';
import { getTranslations } from 'next-intl/server';

/**
 * Areas of expertise (also resources' topics) named in the viewer's language. The starting list has
 * names in the catalogue (directory.expertiseAreas.<slug>); an area an admin adds later keeps the name
 * it was given, in every language.
 */
export async function localiseAreas<T extends { slug: string; label: string }>(areas: T[]): Promise<T[]> {
  const t = await getTranslations('directory.expertiseAreas');
  return areas.map((area) => (t.has(area.slug) ? { ...area, label: t(area.slug) } : area));
}
