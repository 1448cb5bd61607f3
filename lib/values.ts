/**
 * The plain value lists and limits of db/values.ts, for app/ (which reads nothing from db/ directly):
 * client components import them from here, never from lib/validation, so that neither zod nor drizzle
 * comes into the browser with them (lib/client-imports.test.ts).
 */
export * from '@/db/values';
