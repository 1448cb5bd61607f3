import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getFormatter, getTranslations } from 'next-intl/server';
import { config } from '@/lib/config';
import { listDevOutbox } from '@/lib/email/dev-outbox';

/** Development only: the emails the file transport wrote, so the links in them can be clicked. */
const production = process.env.NODE_ENV === 'production';

export async function generateMetadata(): Promise<Metadata> {
  if (production) return {};
  return { title: (await getTranslations('dev'))('title'), robots: { index: false, follow: false } };
}

export default async function DevOutboxPage() {
  if (production) notFound();
  await connection();
  const t = await getTranslations('dev');
  const format = await getFormatter();
  const dir = config().outboxDir;
  const emails = await listDevOutbox(dir);

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-10">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
        <p className="text-slate-700">{t('intro')}</p>
        <p className="text-sm text-slate-600">
          {t('folder', { dir })} {t('count', { count: emails.length })}
        </p>
      </header>
      {emails.length === 0 ? (
        <p role="status" className="rounded-md border border-slate-200 bg-white px-4 py-6 text-slate-700">
          {t('empty')}
        </p>
      ) : (
        <ol className="space-y-4" aria-label={t('title')}>
          {emails.map((email) => (
            <li key={email.file}>
              <article aria-labelledby={`subject-${email.file}`} className="rounded-lg border border-slate-200 bg-white p-5">
                <h2 id={`subject-${email.file}`} className="font-semibold">
                  {email.subject}
                </h2>
                <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-slate-600">{t('to')}</dt>
                  <dd className="break-all">{email.to}</dd>
                  <dt className="text-slate-600">{t('sent')}</dt>
                  <dd>
                    <time dateTime={email.sentAt.toISOString()}>{format.dateTime(email.sentAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                  </dd>
                  <dt className="text-slate-600">{t('links')}</dt>
                  <dd>
                    {email.links.length === 0 ? (
                      t('noLinks')
                    ) : (
                      <ul className="space-y-1">
                        {email.links.map((link) => (
                          <li key={link}>
                            <a href={link} className="break-all">
                              {link}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </dl>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
