/** What every server action answers; safe to import in client components. */
export type ActionState<T = unknown> =
  | null
  | { ok: true; data: T; message?: string }
  | { ok: false; message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };
