'use client';

import Link from '@/app/_components/link';
import { useTranslations } from 'next-intl';
import { TextField } from './ui/field';

/** Recovery codes, shown once right after they are made: a list to copy, print or write down. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('security.recovery');
  return (
    <section aria-labelledby="recovery-codes" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 id="recovery-codes" className="text-base font-semibold">
        {t('codesLabel')}
      </h2>
      <p className="text-sm text-slate-800">{t('showOnce')}</p>
      <ol className="grid grid-cols-2 gap-2 font-mono text-base" dir="ltr" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </section>
  );
}

/** What an enrolment form shows once a factor is added: the message, the recovery codes of a first factor, and the way on. */
export function FactorAdded({
  message,
  codes,
  next,
  labels,
}: {
  message?: string;
  codes: string[] | null;
  next: string;
  labels: { continue: string; continueSaved: string };
}) {
  return (
    <div className="space-y-4">
      <p role="status" className="font-medium text-green-800">
        {message}
      </p>
      {codes ? <RecoveryCodes codes={codes} /> : null}
      <Link href={next} className="inline-block">
        {codes ? labels.continueSaved : labels.continue}
      </Link>
    </div>
  );
}

/** The name a member gives a new second factor ("Work phone", "Blue key"), prefilled and kept after an error. */
export function FactorNameField({
  labels,
  value,
  errors,
}: {
  labels: { label: string; hint: string; fallback: string };
  value?: string;
  errors?: string[];
}) {
  return (
    <TextField
      name="name"
      label={labels.label}
      hint={labels.hint}
      defaultValue={value ?? labels.fallback}
      key={`n-${value}`}
      maxLength={60}
      required
      errors={errors}
      dir="auto"
    />
  );
}
