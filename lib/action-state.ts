/** What every server action answers; safe to import in client components. */
export type ActionState<T = unknown> =
  | null
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message?: string;
      fieldErrors?: Record<string, string[]>;
      /** The submitted single values, to put back into the form. */
      values?: Record<string, string>;
      /** The fields submitted with several values (checkbox groups). */
      lists?: Record<string, string[]>;
      /** A sensitive step: the form asks for the password or a code again (lib/auth/reauth.ts). */
      reauth?: boolean;
      /** Text refused for what could identify someone (lib/identifying): the kinds found; the form asks to confirm. */
      identifying?: string[];
    };

/** What a refused submission held for a checkbox group: every ticked value (one comes back as a single value). */
export function submittedList(state: ActionState<unknown>, name: string): string[] {
  if (!state || state.ok) return [];
  return state.lists?.[name] ?? (state.values?.[name] ? [state.values[name]] : []);
}

/** The kinds of identifying details a refused submission was refused for (the editor's `identifying`). */
export const refusedFor = (state: ActionState<unknown>): string[] | undefined => (state && !state.ok ? state.identifying : undefined);
