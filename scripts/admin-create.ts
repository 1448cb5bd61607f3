/**
 * Creates an admin account, e.g. the first one of a production portal (demo data is never seeded there):
 *
 *   npm run admin:create -- --email ada@secretariat.example.org [--name "Ada Lovelace"] [--organisation "Alliance Secretariat"]
 *
 * Asks for the password twice without echoing it (or reads one line from standard input when that is not
 * a terminal), refusing a weak one as registration does. The account is active, role admin, in the
 * Secretariat organisation (created the first time, named by --organisation); it is asked to set up its
 * second factor when it first signs in. Runs against DATABASE_URL (or PGlite in .data/pglite: stop the
 * portal first) and migrates it first.
 *
 * Run with `tsx --conditions=react-server` (lib/ modules start with `import 'server-only'`).
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { closeDatabase, database } from '../db';
import { runMigrations } from '../db/migrate';
import { AdminCreateRefused, createAdmin } from '../lib/dal/accounts/admin-create';

function parseArgs(argv: string[]): Record<'email' | 'name' | 'organisation', string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2);
    const name = flag!.replace(/^--/, '');
    if (!['email', 'name', 'organisation'].includes(name) || !flag!.startsWith('--')) {
      throw new AdminCreateRefused(`unknown argument ${argv[i]}. Usage: admin:create -- --email <address> [--name <name>] [--organisation <name>]`);
    }
    out[name] = inline ?? argv[++i];
  }
  if (!out.email) throw new AdminCreateRefused('--email is required. Usage: admin:create -- --email <address> [--name <name>]');
  return out as Record<'email' | 'name' | 'organisation', string | undefined>;
}

/** One line from standard input; on a terminal nothing typed is echoed. */
function ask(question: string): Promise<string> {
  const tty = process.stdin.isTTY;
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: tty });
  return new Promise((resolve, reject) => {
    rl.question(question, (answer) => {
      resolve(answer);
      rl.close();
      if (tty) process.stdout.write('\n');
    });
    rl.once('close', () => reject(new AdminCreateRefused('no password given')));
    muted = tty;
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const password = await ask('Password (at least 12 characters): ');
  if (process.stdin.isTTY && (await ask('Password again: ')) !== password) throw new AdminCreateRefused('the two passwords differ');
  const handle = database();
  try {
    await runMigrations(handle, process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL);
    const { id } = await createAdmin({
      email: args.email!,
      name: args.name ?? 'Secretariat administrator',
      password,
      organisation: args.organisation,
    });
    console.info(`[admin:create] admin ${args.email} created (${id}). A second factor is asked for at the first sign-in.`);
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AdminCreateRefused ? `[admin:create] refused: ${error.message}` : error);
  process.exitCode = 1;
});
