#!/usr/bin/env node
/**
 * `npm run backup [-- --out DIR]`: a backup of the portal in a new folder DIR/portal-<UTC time>/ (DIR is
 * BACKUP_DIR, else ./backups):
 *   database.dump   pg_dump of DATABASE_URL in custom format (every schema: data, migrations table, audit
 *                   trigger; no owners or grants, so it restores under any role)
 *   uploads/        a copy of UPLOADS_DIR, when uploads are stored on disk (with S3_BUCKET set they are
 *                   not copied: keep the bucket versioned, see the README)
 *   manifest.json   when, what, and the size and SHA-256 of every file above, checked by `npm run restore`
 * The database is dumped first, then the files: a file is stored before its row is written, so every
 * file a dumped row names is in the copy. Runs while the portal is up.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  databaseUrl,
  describeFiles,
  DUMP,
  filesUnder,
  MANIFEST,
  Refused,
  runScript,
  runTool,
  sha256,
  UPLOADS,
  uploadsDir,
} from './backup-common.mjs';

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  if (args.length && (outIndex !== 0 || args.length !== 2)) throw new Refused('usage: npm run backup [-- --out DIR]');
  const url = databaseUrl();
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const dir = path.resolve(outIndex === 0 ? args[1] : process.env.BACKUP_DIR || 'backups', `portal-${stamp}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const started = Date.now();
  const dump = path.join(dir, DUMP);
  runTool(process.env.PG_DUMP || 'pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', dump, '--dbname', url]);

  let uploads;
  if (process.env.S3_BUCKET) {
    uploads = {
      kind: 's3',
      bucket: process.env.S3_BUCKET,
      note: 'Uploads are in the S3 bucket, not in this backup: keep the bucket versioned (or replicated) for as long as backups are kept.',
    };
  } else {
    const source = uploadsDir();
    for (const rel of filesUnder(source)) {
      mkdirSync(path.dirname(path.join(dir, UPLOADS, rel)), { recursive: true });
      copyFileSync(path.join(source, rel), path.join(dir, UPLOADS, rel));
    }
    uploads = { kind: 'local', files: await describeFiles(path.join(dir, UPLOADS)) };
  }

  const journal = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'db', 'migrations', 'meta', '_journal.json'), 'utf8'));
  const manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    portal: JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')).version,
    newestMigration: journal.entries.at(-1)?.tag ?? null,
    database: { file: DUMP, size: statSync(dump).size, sha256: await sha256(dump) },
    uploads,
  };
  writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  const files = uploads.kind === 'local' ? `${uploads.files.length} uploaded files` : `uploads left in S3 bucket ${uploads.bucket}`;
  console.info(
    `[backup] ${dir}: database (${(manifest.database.size / 1024 / 1024).toFixed(1)} MB), ${files}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

runScript('backup', main);
