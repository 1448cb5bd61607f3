#!/usr/bin/env node
/**
 * `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back, into the EMPTY
 * database DATABASE_URL and the empty (or missing) UPLOADS_DIR. Checks every checksum of the manifest
 * before touching anything, and every copied file after. Start the portal once it is done: the restored
 * database is already migrated up to the backup's version, and a newer portal migrates it further.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { databaseUrl, filesUnder, MANIFEST, Refused, runScript, runTool, sha256, UPLOADS, uploadsDir } from './backup-common.mjs';

async function main() {
  const [source, ...rest] = process.argv.slice(2);
  if (!source || rest.length) throw new Refused('usage: npm run restore -- <backup folder>');
  const url = databaseUrl();
  const manifestFile = path.join(source, MANIFEST);
  if (!existsSync(manifestFile)) throw new Refused(`${source} has no ${MANIFEST}: not a backup made by npm run backup.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

  // 1. The backup is whole.
  const dump = path.join(source, manifest.database.file);
  if ((await sha256(dump)) !== manifest.database.sha256) throw new Refused(`${dump} does not match its checksum: the backup is damaged.`);
  const files = manifest.uploads.kind === 'local' ? manifest.uploads.files : [];
  for (const file of files) {
    if ((await sha256(path.join(source, UPLOADS, file.path))) !== file.sha256)
      throw new Refused(`${file.path} does not match its checksum: the backup is damaged.`);
  }

  // 2. The targets are empty.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] =
      await sql`select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`;
    if (n > 0) throw new Refused('The database DATABASE_URL names is not empty: restore into a new, empty database.');
  } finally {
    await sql.end();
  }
  const target = uploadsDir();
  if (files.length && filesUnder(target).length) throw new Refused(`${target} is not empty: restore into an empty uploads folder (UPLOADS_DIR).`);

  // 3. Database, then files, each checked again.
  const started = Date.now();
  runTool(process.env.PG_RESTORE || 'pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    '--dbname',
    url,
    dump,
  ]);
  for (const file of files) {
    const to = path.join(target, file.path);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(source, UPLOADS, file.path), to);
    if ((await sha256(to)) !== file.sha256) throw new Refused(`${to} differs from the backup after copying.`);
  }
  const uploads =
    manifest.uploads.kind === 'local'
      ? `${files.length} uploaded files into ${target}`
      : `no files (uploads are in S3 bucket ${manifest.uploads.bucket})`;
  console.info(`[restore] database from ${manifest.createdAt} and ${uploads}, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

runScript('restore', main);
