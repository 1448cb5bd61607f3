import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, pgliteExtensions, setDatabase, wrapPglite, wrapPostgres } from '@/db/index';

// As scripts/server.mjs does in the server's process: X-Forwarded-For holds the socket's peer (lib/request.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for('protectors-portal.peer-from-socket')] = true;

/** Every test file gets its own fresh, migrated database. */
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const tpl = inject('postgresTemplate');
  if (tpl) {
    const tplUrl = new URL(tpl);
    const name = `pp_t_${process.ppid}_${randomBytes(6).toString('hex')}`;
    const adminUrl = new URL(tpl);
    adminUrl.pathname = '/postgres';
    const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${tplUrl.pathname.slice(1)}`);
    const url = new URL(tpl);
    url.pathname = `/${name}`;
    setDatabase(wrapPostgres(url.toString(), 4));
    dropDatabase = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    return;
  }
  const file = inject('pgliteTemplate');
  const client = new PGlite({ loadDataDir: new Blob([readFileSync(file)]), extensions: pgliteExtensions });
  await client.waitReady;
  setDatabase(wrapPglite(client));
});

afterAll(async () => {
  await closeDatabase();
  await dropDatabase?.();
});
