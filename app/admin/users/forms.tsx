'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SelectField } from '@/app/_components/ui/field';
import { ActionForm, SubmitButton } from '@/app/_components/ui/form';
import type { Role } from '@/lib/validation/admin';
import { changeRoleAction } from './actions';

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
