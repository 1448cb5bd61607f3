import { getFormatter, getTranslations } from 'next-intl/server';
import { isolated } from '@/app/_components/bidi';
import { Cooked } from '@/app/_components/cooked';
import type { GuidelinesVersion } from '@/lib/dal/guidelines/guidelines';

/** The rules of the first version, translated in the catalogues (messages/<locale>/guidelines.json, `v1`). */
const V1_RULES = ['identify', 'explicit', 'consent', 'soliciting'] as const;

/**
 * A version of the guidelines: its number and date, then its text. The first version (seeded with the
 * rules every member accepted at registration) is shown in the reader's language from the catalogues;
 * a version the Secretariat publishes later is shown in the language it was written in.
 */
export async function GuidelinesText({ version }: { version: GuidelinesVersion }) {
  const t = await getTranslations('guidelines');
  const format = await getFormatter();
  return (
    <>
      <p className="text-sm text-slate-600">
        {isolated(t, 'versionLine', { version: format.number(version.version), date: format.dateTime(version.publishedAt, { dateStyle: 'long' }) })}
      </p>
      {version.version === 1 ? (
        <div className="space-y-4">
          <p className="text-lg text-slate-700">{t('v1.intro')}</p>
          <ol className="space-y-4">
            {V1_RULES.map((rule, i) => (
              <li key={rule} className="rounded-lg border border-slate-200 bg-white p-5">
                <h2 className="font-semibold">
                  {format.number(i + 1)}. {t(`v1.rules.${rule}.title`)}
                </h2>
                <p className="mt-1 text-slate-700">{t(`v1.rules.${rule}.text`)}</p>
              </li>
            ))}
          </ol>
          <p className="text-slate-700">{t('v1.moderation')}</p>
          <p className="text-slate-700">{t('v1.language')}</p>
        </div>
      ) : (
        <div lang={version.language} className="rounded-lg border border-slate-200 bg-white p-5">
          <Cooked html={version.html} />
        </div>
      )}
    </>
  );
}
