import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the password step decided, handed from Auth.js's `authorize` (lib/auth/auth.ts) back to the
 * sign-in action that called `signIn` in the same request: whether the session waits for a second factor.
 * Unknown (no store) means "go through the second step", which sends a signed-in viewer straight on.
 */
const outcome = new AsyncLocalStorage<{ secondFactor?: boolean }>();

export function recordSecondFactor(secondFactor: boolean): void {
  const store = outcome.getStore();
  if (store) store.secondFactor = secondFactor;
}

export async function withSignInOutcome<T>(run: () => Promise<T>): Promise<{ result: T; secondFactor: boolean }> {
  const store: { secondFactor?: boolean } = {};
  const result = await outcome.run(store, run);
  return { result, secondFactor: store.secondFactor ?? true };
}
