import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import * as schema from './schema';

/**
 * The database handle. PGlite (embedded, in .data/pglite) when DATABASE_URL is unset; postgres.js when set.
 * Opened lazily, once per process (a Symbol.for global survives module re-evaluation in dev and tests).
 * Both drivers speak the same query builder; the handle is typed as the postgres.js one.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * LISTEN on a channel (postgres.js: one dedicated connection, re-listened after a reconnect; PGlite:
   * its single session, which receives the NOTIFYs of its own transactions). Answers the way to stop.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm, unaccent };

const KEY = Symbol.for('protectors-portal.database');
type GlobalWithDb = typeof globalThis & { [KEY]?: DatabaseHandle };

export function wrapPglite(client: PGlite, onClose?: () => void): DatabaseHandle {
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    async close() {
      await client.close();
      onClose?.();
    },
  };
}

/**
 * postgres.js waits longer and longer between attempts to reconnect (up to 20 s), holding the queries
 * that wait for a connection meanwhile; each failed attempt fails one of them. Retrying every half second
 * at most lets requests during an outage fail within a second or so, and the portal reconnect as soon as
 * the database is back.
 */
export const reconnectDelaySeconds = (retries: number) => Math.min(0.05 * retries, 0.5);

/**
 * Whether one plan serves a statement whatever its values. A full-text match (`@@`) does not: after five
 * runs of a prepared statement Postgres may keep a generic plan, which assumes a match on 0.5 % of the
 * rows; for a common word (13,000 of 100,000 posts) it joined and sorted every match (60–97 ms), where a
 * plan made for the word reads the newest posts in order until it has enough (25–30 ms). Such statements
 * go unnamed, planned with their values (decision 025, tenth pass).
 */
export function plannedOnce(query: string): boolean {
  return !query.includes('@@');
}

/**
 * Drizzle sends every query unnamed (`prepare: false`), so Postgres parses and plans each statement on
 * each request: 4–7 ms of its CPU a page (issue 17). postgres.js can keep each distinct statement
 * prepared on the connection that first ran it (it names and caches them itself); the portal's
 * statements are parameterised, so they are a bounded set. Queries without parameters stay simple.
 * Transactions run on the connection postgres.js hands to `begin`, unprepared (decision 025).
 */
function preparing(client: postgres.Sql): postgres.Sql {
  const unsafe: postgres.Sql['unsafe'] = (query, args, options) =>
    client.unsafe(query, args, args && args.length > 0 && plannedOnce(query) ? { ...options, prepare: true } : options);
  return new Proxy(client, { get: (target, prop, receiver) => (prop === 'unsafe' ? unsafe : Reflect.get(target, prop, receiver)) });
}

export function wrapPostgres(url: string, max = 10): DatabaseHandle {
  const client = postgres(url, { max, onnotice: () => {}, backoff: reconnectDelaySeconds, connection: { application_name: 'protectors-portal' } });
  return {
    kind: 'postgres',
    db: drizzlePostgres(preparing(client), { schema, casing: 'snake_case' }),
    async listen(channel, onPayload) {
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Only one process may open a PGlite directory: a second would corrupt it. */
function lockPgliteDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    let alive = false;
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
    }
    if (alive) {
      throw new Error(`The embedded database in ${dir} is in use by process ${pid}. Stop it first, or set DATABASE_URL.`);
    }
  }
  mkdirSync(path.dirname(lockFile), { recursive: true });
  writeFileSync(lockFile, String(process.pid));
  const release = () => rmSync(lockFile, { force: true });
  process.once('exit', release);
  return release;
}

function openDatabase(env: NodeJS.ProcessEnv = process.env): DatabaseHandle {
  if (env.DATABASE_URL) return wrapPostgres(env.DATABASE_URL);
  const dir = env.PGLITE_DIR || path.join(env.DATA_DIR || '.data', 'pglite');
  mkdirSync(dir, { recursive: true });
  const release = lockPgliteDir(dir);
  return wrapPglite(new PGlite(dir, { extensions: pgliteExtensions }), release);
}

/** The process-wide handle, opened on first use. */
export function database(): DatabaseHandle {
  const g = globalThis as GlobalWithDb;
  g[KEY] ??= openDatabase();
  return g[KEY];
}

export function getDb(): Db {
  return database().db;
}

/** Tests and scripts install their own handle (a fresh database per test file). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  (globalThis as GlobalWithDb)[KEY] = handle;
}

export async function closeDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const handle = g[KEY];
  g[KEY] = undefined;
  await handle?.close();
}

export { schema };

/** Runs raw SQL and returns its rows, whichever driver is underneath (postgres.js gives an array, PGlite `{ rows }`). */
export async function executeRows<T>(db: Db | Tx, query: import('drizzle-orm').SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
