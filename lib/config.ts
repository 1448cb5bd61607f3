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
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().default('.data'),
  PGLITE_DIR: z.string().optional(),
  OUTBOX_DIR: z.string().optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('Protectors’ Portal <no-reply@protectors-portal.local>'),
  UPLOADS_DIR: z.string().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Largest upload accepted, in megabytes. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(50),
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  RATE_LIMIT_SCALE: positiveNumber(1),
  SESSION_IDLE_HOURS: positiveNumber(72),
  SESSION_MAX_DAYS: positiveNumber(30),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /** Marks the interface as a demonstration (always outside production). */
  DEMO: z.enum(['0', '1']).optional(),
});

export type Config = z.infer<typeof schema> & { authSecret: string; pgliteDir: string; outboxDir: string; uploadsDir: string };

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
  let authSecret = c.AUTH_SECRET;
  if (!authSecret) {
    if (c.NODE_ENV === 'production') {
      throw new ConfigError('Configuration error: AUTH_SECRET is required in production (at least 32 random characters).');
    }
    authSecret = developmentSecret(c.DATA_DIR);
  }
  return {
    ...c,
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

export function isProduction(): boolean {
  return config().NODE_ENV === 'production';
}

/** A demonstration instance shows a banner saying its people and organisations are fictional. */
export function isDemo(): boolean {
  const c = config();
  return c.NODE_ENV !== 'production' || c.DEMO === '1';
}
