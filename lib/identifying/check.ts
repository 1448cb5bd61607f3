/**
 * The server's check before a post, thread, message or resource description is stored (issue 14):
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
  const kinds = kindsOf(detectAll(text));
  if (kinds.length && !acknowledged) throw new IdentifyingDetailsError(kinds, field);
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
