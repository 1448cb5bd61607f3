/**
 * Prints the current authenticator code of a demo staff account (their secret is derived from the email:
 * lib/auth/totp.ts demoTotpSecret), for signing in to the demo without setting up an app:
 *
 *   npm run demo:code -- admin@secretariat.example
 *
 * It only knows demo secrets: a real account's secret is random and stored encrypted.
 */
import { demoTotpSecret, stepAt, TOTP_PERIOD, totpCode } from '../lib/auth/totp';

const email = process.argv[2];
if (!email || !email.includes('@')) {
  console.error('Usage: npm run demo:code -- <email of a demo staff account>');
  process.exit(1);
}
const left = TOTP_PERIOD - Math.floor((Date.now() / 1000) % TOTP_PERIOD);
console.info(`${totpCode(demoTotpSecret(email))}  (${email}; valid for ${left} more seconds, step ${stepAt()})`);
