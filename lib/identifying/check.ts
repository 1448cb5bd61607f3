/**
 * The server's check before a post, thread (title and first post), message or resource description is stored (issue 14):
 * the patterns (./detect.ts) and personal names (./names.ts). Text with matches is refused with a
 * field error on the body unless the author ticked "I have checked"; the acknowledgement is audited
 * with the kinds found, never the text.
 */
import 'server-only';
import type { Tx } from '@/db';
import { audit, type AuditEntry } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { IdentifyingDetailsError } from '@/lib/errors';
import { detectIdentifying, kindsOf, withoutOverlaps, type IdentifyingKind, type IdentifyingMatch } from './detect';
import { detectNames } from './names';

export function detectAll(text: string): IdentifyingMatch[] {
  return withoutOverlaps([...detectIdentifying(text), ...detectNames(text)]);
}

/**
 * The kinds found in `text`; throws IdentifyingDetailsError (on `field`) when there are some and the
 * author has not acknowledged them. Call before the write's transaction; pass the result to
 * recordAcknowledged inside it.
 */
export function screenIdentifying(text: string, acknowledged: boolean | undefined, field = 'body'): IdentifyingKind[] {
  return screenFields({ [field]: text }, acknowledged);
}

/**
 * screenIdentifying for what is published together under one acknowledgement (a thread: its title and
 * first post): the kinds found in all of them; the refusal names each field with what was found in it.
 */
export function screenFields(fields: Record<string, string>, acknowledged: boolean | undefined): IdentifyingKind[] {
  const byField: Record<string, IdentifyingKind[]> = {};
  for (const [field, text] of Object.entries(fields)) {
    const kinds = kindsOf(detectAll(text));
    if (kinds.length) byField[field] = kinds;
  }
  const kinds = kindsOf(Object.values(byField).flatMap((found) => found.map((kind) => ({ kind }))));
  const [first] = Object.keys(byField);
  if (first && !acknowledged) throw new IdentifyingDetailsError(kinds, first, byField);
  return kinds;
}

/** The audit row of a publication the author acknowledged (nothing when nothing was found). */
export async function recordAcknowledged(
  tx: Tx,
  viewer: Viewer,
  kinds: IdentifyingKind[],
  target: { type: NonNullable<AuditEntry['targetType']>; id: string },
  ip?: string | null,
): Promise<void> {
  if (!kinds.length) return;
  await audit(
    {
      actorId: viewer.id,
      action: 'content.identifying_acknowledged',
      targetType: target.type,
      targetId: target.id,
      ip: ip ?? null,
      details: { kinds },
    },
    tx,
  );
}
