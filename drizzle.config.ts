import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL here; migrations are applied by db/migrate.ts at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
