import { integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The controlled list of areas of expertise members pick from on their profile. Admins extend it;
 * members store the slugs (users.expertise).
 */
export const expertiseAreas = pgTable('expertise_areas', {
  slug: varchar({ length: 60 }).primaryKey(),
  label: varchar({ length: 80 }).notNull().unique(),
  position: integer().notNull().default(1000),
  createdBy: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
