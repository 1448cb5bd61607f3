import 'server-only';
import { database } from '@/db';
import { runMigrations } from '@/db/migrate';
import { seedDemoIfEmpty } from '@/db/seed';
import { ConfigError, config } from './config';
import { startOutboxWorker } from './email';
import { startJobWorker } from './jobs';
import './jobs/registry';
import { logger } from './logger';

/** Checks configuration (one clear line and exit when wrong), migrates, seeds the demo in development. */
export async function startServer(): Promise<void> {
  let c;
  try {
    c = config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const handle = database();
  await runMigrations(handle, c.DATABASE_URL);
  logger.info({ database: handle.kind }, 'database ready');
  if (c.NODE_ENV === 'development' && c.SEED_DEMO === 'auto') {
    const accounts = await seedDemoIfEmpty(handle.db);
    if (accounts) printDemoAccounts(accounts.password, accounts.list);
  }
  startOutboxWorker();
  startJobWorker();
}

function printDemoAccounts(password: string, list: { email: string; label: string }[]) {
  const width = Math.max(...list.map((a) => a.email.length));
  console.info(
    [
      '',
      'Demo accounts (password for all: ' + password + ')',
      ...list.map((a) => `  ${a.email.padEnd(width)}  ${a.label}`),
      'Emails the portal sends in development are listed at /dev/outbox.',
      '',
    ].join('\n'),
  );
}
