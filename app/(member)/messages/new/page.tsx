import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/require';
import { maxUploadBytes } from '@/lib/uploads/receive';
import { addableById } from '@/lib/dal/messages/people';
import { NewConversationForm } from '../_components/forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('messages.new'))('title') };
}

/** Starting a conversation: people to write to (pre-filled from a profile's "Message" button with ?to=), an optional subject, the message. */
export default async function NewConversationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const raw = (await searchParams).to;
  const to = (Array.isArray(raw) ? raw : raw ? [raw] : []).slice(0, 19);
  // Only people the viewer may write to are pre-filled; anyone else is left out with one field-level
  // sentence, the same whatever the reason (blocked the viewer, unlisted, unknown): decision 027.
  const initial = await addableById(viewer, to);
  const t = await getTranslations('messages');
  const leftOut = new Set(to).size > initial.length ? [t('new.leftOut')] : undefined;
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label={t('conversation.breadcrumb')} className="text-sm">
        <Link href="/messages">{t('inbox.title')}</Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">{t('new.title')}</h1>
      <p className="text-sm text-slate-700">{t('new.intro')}</p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <NewConversationForm initial={initial} leftOut={leftOut} maxMb={Math.round(maxUploadBytes() / 1024 / 1024)} />
      </section>
    </div>
  );
}
