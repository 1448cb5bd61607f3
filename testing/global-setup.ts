import { PGlite } from '@electric-sql/pglite';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { pgliteExtensions, wrapPglite, wrapPostgres } from '@/db/index';
import { runMigrations } from '@/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates one template database per run; each test file then gets a fresh copy
 * (PGlite: a dumped data directory; Postgres: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `pp_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const tplUrl = withDatabase(url, name);
    const handle = wrapPostgres(tplUrl, 1);
    await runMigrations(handle, tplUrl);
    await handle.close();
    project.provide('postgresTemplate', tplUrl);
    project.provide('pgliteTemplate', '');
    return async () => {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`pp_t_${process.pid}_%`} or datname = ${name}`;
      for (const { datname } of leftovers) await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const client = new PGlite({ extensions: pgliteExtensions });
  const handle = wrapPglite(client);
  await runMigrations(handle);
  const dump = await client.dumpDataDir('none');
  await handle.close();
  const dir = path.join(os.tmpdir(), `pp-vitest-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
