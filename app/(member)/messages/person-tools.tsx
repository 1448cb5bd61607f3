import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { buttonClass } from '@/app/_components/ui/button';
import type { Viewer } from '@/lib/auth/viewer';
import { hasBlocked } from '@/lib/dal/messages/manage';
import { addableById } from '@/lib/dal/messages/people';
import { blockMemberAction } from './actions';

/**
 * On a person's profile: "Message" (opens /messages/new with them), and block or unblock them. "Message"
 * is offered only to people the viewer may write to (addableBy) and has not blocked: someone who blocked
 * the viewer shows no button and no reason, as for anyone else they cannot write to (decision 027).
 */
export async function PersonMessageTools({ viewer, personId, name }: { viewer: Viewer; personId: string; name: string }) {
  const [t, blocked, reachable] = await Promise.all([
    getTranslations('messages.block'),
    hasBlocked(viewer, personId),
    addableById(viewer, [personId]).then((found) => found.length > 0),
  ]);
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      {blocked || !reachable ? null : (
        <Link href={`/messages/new?to=${personId}`} className={buttonClass('primary')}>
          {t('message')}
        </Link>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">{blocked ? t('blockedSummary') : t('blockSummary')}</summary>
        <div className="mt-2 w-72 max-w-full">
          <ActionButton
            action={blockMemberAction}
            fields={{ userId: personId, on: blocked ? 'false' : 'true' }}
            text={blocked ? t('unblockText', { name }) : t('blockText', { name })}
            variant={blocked ? 'secondary' : 'danger'}
            pendingLabel={t('saving')}
          >
            {blocked ? t('unblock') : t('block')}
          </ActionButton>
        </div>
      </details>
    </div>
  );
}
