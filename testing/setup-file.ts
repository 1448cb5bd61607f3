import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, type DatabaseHandle, pgliteExtensions, setDatabase, wrapPglite, wrapPostgres } from '@/db/index';

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
  // Embedded PGlite starts inside this worker (~a second of CPU), so it starts when the file first
  // reaches the database: a file that never does (pure functions, components) pays nothing. PGlite's
  // queries wait for it to be ready.
  const file = inject('pgliteTemplate');
  let opened: DatabaseHandle | undefined;
  const open = () => (opened ??= wrapPglite(new PGlite({ loadDataDir: new Blob([readFileSync(file)]), extensions: pgliteExtensions })));
  setDatabase({
    kind: 'pglite',
    get db() {
      return open().db;
    },
    listen: (channel, onPayload) => open().listen(channel, onPayload),
    close: async () => opened?.close(),
  });
});

afterAll(async () => {
  await closeDatabase();
  await dropDatabase?.();
});
