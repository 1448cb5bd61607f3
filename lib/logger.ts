import 'server-only';
import pino from 'pino';

/** Structured logs on stdout. Never log passwords, tokens or message bodies. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: ['password', '*.password', 'token', '*.token', 'passwordHash', '*.passwordHash'],
  base: undefined,
});
