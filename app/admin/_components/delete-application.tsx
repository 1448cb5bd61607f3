import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { deleteApplicationAction } from '../applications/actions';

/** Deletes an application that was never approved (decision 020), so nobody holds a colleague's address. */
export async function DeleteApplicationButton({ userId, variant }: { userId: string; variant: 'ghost' | 'danger' }) {
  const t = await getTranslations('privacy.admin');
  return (
    <ActionButton action={deleteApplicationAction} fields={{ userId }} text={t('applicationText')} pendingLabel={t('deleting')} variant={variant}>
      {t('deleteApplication')}
    </ActionButton>
  );
}
