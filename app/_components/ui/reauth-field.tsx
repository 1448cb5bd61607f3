'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { TextField } from './field';

/**
 * What a form shows when its server action answered "confirm it's you" (lib/auth/reauth.ts): the
 * password, or a code from an authenticator app, or a recovery code, sent with the next submission.
 */
export function ReauthField({ errors }: { errors?: string[] }) {
  const t = useTranslations('security.reauth');
  const id = useId();
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <TextField
        id={id}
        name="reauthSecret"
        type="password"
        autoComplete="current-password"
        label={t('label')}
        hint={t('hint')}
        errors={errors}
        required
      />
    </div>
  );
}
