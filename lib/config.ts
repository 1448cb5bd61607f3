import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place configuration is read. Validated with zod when the server starts
 * (instrumentation.ts), never during `next build`. A wrong value stops start-up with one line naming it.
 */
const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  APP_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Seals email bodies waiting in the outbox (lib/email/sealed.ts); AUTH_SECRET when unset. */
  OUTBOX_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Migrations run as this role (the tables' owner); DATABASE_URL's role then only needs db/roles/app-role.sql. */
  DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().default('.data'),
  PGLITE_DIR: z.string().optional(),
  OUTBOX_DIR: z.string().optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** `file` says on purpose that a production server without SMTP_URL writes its emails to OUTBOX_DIR. */
  MAIL_TRANSPORT: z.enum(['smtp', 'file']).optional(),
  MAIL_FROM: z.string().default('Protectors’ Portal <no-reply@protectors-portal.local>'),
  UPLOADS_DIR: z.string().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** clamd over TCP (tcp://host:3310): every resource file is scanned before it can be downloaded (decision 024); unset, files are "not scanned". */
  CLAMAV_URL: z.url({ protocol: /^tcp$/, error: 'must be tcp://host:port' }).optional(),
  /** Largest upload accepted, in megabytes. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(50),
  /** Room each organisation has for its resource files, in megabytes (decision 021). */
  ORG_STORAGE_QUOTA_MB: z.coerce.number().int().min(1).max(10_000_000).default(2048),
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** `1` says on purpose that a production server with TRUSTED_PROXIES=0 faces clients directly. */
  ALLOW_DIRECT_EXPOSURE: z.enum(['0', '1']).optional(),
  RATE_LIMIT_SCALE: positiveNumber(1),
  SESSION_IDLE_HOURS: positiveNumber(72),
  SESSION_MAX_DAYS: positiveNumber(30),
  /** Idle limit of the sessions of staff (admins, moderators, focal points): shorter than members'. */
  STAFF_SESSION_IDLE_HOURS: positiveNumber(12),
  /** Days after an organisation's re-verification date before the people its focal points did not confirm are suspended (decision 019). */
  REVERIFICATION_GRACE_DAYS: positiveNumber(30),
  /** The key second-factor secrets are encrypted under (HKDF); AUTH_SECRET when unset. */
  ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a worker holds a job it claimed; another instance runs it again once this passes (a crash). */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** How long a notification email waits (for the member to see it in the portal, or for more on the thread); urgent alerts do not wait. */
  NOTIFICATION_EMAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  /** The bearer token /api/metrics asks for; unset, the metrics are not served at all. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** A k-anonymity range API for breached passwords (e.g. https://api.pwnedpasswords.com/range/); unset, no check. */
  BREACHED_PASSWORDS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** pino's level; silent by default under tests. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Marks the interface as a demonstration (always outside production). */
  DEMO: z.enum(['0', '1']).optional(),
});

export type Config = z.infer<typeof schema> & {
  LOG_LEVEL: NonNullable<z.infer<typeof schema>['LOG_LEVEL']>;
  authSecret: string;
  pgliteDir: string;
  outboxDir: string;
  uploadsDir: string;
};

const KEY = Symbol.for('protectors-portal.config');
type GlobalWithConfig = typeof globalThis & { [KEY]?: Config };

/** Reads a development secret from .data/, creating it once. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  console.info(`[config] AUTH_SECRET is not set: generated a development secret in ${file}`);
  return secret;
}

export class ConfigError extends Error {}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What production refuses even when every value is well formed: each one a line saying how to proceed. */
function productionRefusals(c: z.infer<typeof schema>): void {
  const url = new URL(c.APP_URL);
  // Browsers treat loopback addresses as secure: the tests run the production build on them.
  if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) {
    throw new ConfigError('Configuration error: APP_URL must start with https:// in production (sign-in cookies and links travel over it).');
  }
  if (c.TRUSTED_PROXIES === 0 && c.ALLOW_DIRECT_EXPOSURE !== '1') {
    throw new ConfigError(
      'Configuration error: TRUSTED_PROXIES is 0 in production: set how many proxies are in front, or ALLOW_DIRECT_EXPOSURE=1 if clients connect directly.',
    );
  }
  if (!c.SMTP_URL && c.MAIL_TRANSPORT !== 'file') {
    throw new ConfigError(
      'Configuration error: SMTP_URL is not set in production: set it, or MAIL_TRANSPORT=file to write emails to OUTBOX_DIR on purpose.',
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Configuration error: ${issue.path.join('.')} ${issue.message}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !blanksRemoved.APP_URL) {
    // Emails would link to localhost and the session cookie would not be Secure.
    throw new ConfigError('Configuration error: APP_URL is required in production (the address members use, e.g. https://portal.example.org).');
  }
  if (c.NODE_ENV === 'production') productionRefusals(c);
  let authSecret = c.AUTH_SECRET;
  if (!authSecret) {
    if (c.NODE_ENV === 'production') {
      throw new ConfigError('Configuration error: AUTH_SECRET is required in production (at least 32 random characters).');
    }
    authSecret = developmentSecret(c.DATA_DIR);
  }
  return {
    ...c,
    LOG_LEVEL: c.LOG_LEVEL ?? (c.NODE_ENV === 'test' ? 'silent' : 'info'),
    authSecret,
    pgliteDir: c.PGLITE_DIR ?? path.join(c.DATA_DIR, 'pglite'),
    outboxDir: c.OUTBOX_DIR ?? path.join(c.DATA_DIR, 'outbox'),
    uploadsDir: c.UPLOADS_DIR ?? path.join(c.DATA_DIR, 'uploads'),
  };
}

/** The validated configuration, read once per process. */
export function config(): Config {
  const g = globalThis as GlobalWithConfig;
  g[KEY] ??= loadConfig();
  return g[KEY];
}

/** A demonstration instance shows a banner saying its people and organisations are fictional. */
export function isDemo(): boolean {
  const c = config();
  return c.NODE_ENV !== 'production' || c.DEMO === '1';
}
