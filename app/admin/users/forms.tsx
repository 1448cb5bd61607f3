'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SelectField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import type { Role } from '@/lib/validation/admin';
import { changeRoleAction, focalPointAction, userStatusAction } from './actions';

const ROLE_CHOICES: Role[] = ['member', 'moderator', 'admin'];

export function RoleForm({ userId, role }: { userId: string; role: Role }) {
  const t = useTranslations('admin.user');
  const tRoles = useTranslations('common.roles');
  const [state, action] = useActionState(changeRoleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <SelectField key={role} name="role" label={t('role')} hint={t('roleHint')} defaultValue={role} errors={errors?.role}>
        {ROLE_CHOICES.map((r) => (
          <option key={r} value={r}>
            {tRoles(r)}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel={t('saving')}>
        {t('changeRole')}
      </SubmitButton>
    </ActionForm>
  );
}

export function FocalPointForm({ userId, isFocalPoint }: { userId: string; isFocalPoint: boolean }) {
  const t = useTranslations('admin.user');
  const [state, action] = useActionState(focalPointAction, null);
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isFocalPoint" value={isFocalPoint ? 'false' : 'true'} />
      <SubmitButton variant="secondary" pendingLabel={t('saving')}>
        {isFocalPoint ? t('clearFocalPoint') : t('setFocalPoint')}
      </SubmitButton>
    </ActionForm>
  );
}

/** Suspend an active account (ending its sessions at once) or reactivate a suspended one. */
export function StatusForm({ userId, name, status }: { userId: string; name: string; status: 'active' | 'suspended' }) {
  const t = useTranslations('admin.user');
  const [state, action] = useActionState(userStatusAction, null);
  const suspending = status === 'active';
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={suspending ? 'suspended' : 'active'} />
      <p className="text-sm text-slate-700">{suspending ? t('suspendText') : t('reactivateText')}</p>
      <SubmitButton variant={suspending ? 'danger' : 'primary'} pendingLabel={suspending ? t('suspending') : t('reactivating')}>
        {suspending ? t('suspend', { name }) : t('reactivate', { name })}
      </SubmitButton>
    </ActionForm>
  );
}
