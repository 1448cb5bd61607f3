import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '@/testing/factories';
import { createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { createThread } from './posts-write';
import { searchDiscussions } from './search';
import { getThread, listThreads } from './threads';

type V = Awaited<ReturnType<typeof signedIn>>;
let arabic: V, french: V, reader: V;
let spaceId: string;

beforeAll(async () => {
  withoutPostingLimits();
  arabic = await signedIn({ locale: 'ar' });
  french = await signedIn({ locale: 'fr' });
  reader = await signedIn({ locale: 'en' });
  spaceId = (await createSpace()).id;
});

describe('content languages of threads', () => {
  it('default to the author’s interface language, or take the one they chose', async () => {
    const own = await createThread(arabic, { spaceId, title: 'تنسيق البلاغات بين خطوط الإبلاغ', body: 'نص أولي.', urgent: false }, request);
    const chosen = await createThread(
      arabic,
      { spaceId, title: 'Coordinating hotline reports', body: 'First draft.', language: 'en', urgent: false },
      request,
    );
    expect((await getThread(reader, own.threadId)).language).toBe('ar');
    expect((await getThread(reader, chosen.threadId)).language).toBe('en');
  });

  it('filter a space’s thread list', async () => {
    const space = (await createSpace()).id;
    const fr = await createThread(
      french,
      { spaceId: space, title: 'Signalements de sextorsion', body: 'Bilan du trimestre.', urgent: false },
      request,
    );
    const ar = await createThread(arabic, { spaceId: space, title: 'الابتزاز الجنسي', body: 'ملخص الربع.', urgent: false }, request);
    expect((await listThreads(reader, space)).items.map((t) => t.id).sort()).toEqual([fr.threadId, ar.threadId].sort());
    expect((await listThreads(reader, space, null, 'fr')).items.map((t) => [t.id, t.language])).toEqual([[fr.threadId, 'fr']]);
    expect((await listThreads(reader, space, null, 'pt')).items).toEqual([]);
  });
});

describe('search in Arabic', () => {
  it('finds Arabic titles and posts, marks the words, and filters by the thread’s language', async () => {
    const { threadId } = await createThread(
      arabic,
      {
        spaceId,
        title: 'النموذج الوطني للاستجابة في الأردن',
        body: 'نراجع خطة العمل الوطنية لحماية الأطفال من الاستغلال عبر الإنترنت، ونبحث دور خط الإبلاغ في التنسيق مع النيابة العامة.',
        urgent: false,
      },
      request,
    );
    const byTitle = await searchDiscussions(reader, { q: 'للاستجابة' });
    expect(byTitle.items.map((h) => h.threadId)).toEqual([threadId]);
    expect(byTitle.items[0]!.titleHtml).toContain('<mark>للاستجابة</mark>');
    expect(byTitle.items[0]!.language).toBe('ar');

    const byBody = await searchDiscussions(reader, { q: 'النيابة' });
    expect(byBody.items.map((h) => h.threadId)).toEqual([threadId]);
    expect(byBody.items[0]!.snippetHtml).toContain('<mark>النيابة</mark>');

    // Two words, in either order (websearch syntax), and a phrase. Attached prefixes stay part of the word
    // with the 'simple' configuration: حماية does not find لحماية (decision 011).
    expect((await searchDiscussions(reader, { q: 'التنسيق حماية' })).items).toHaveLength(0);
    expect((await searchDiscussions(reader, { q: 'التنسيق الأطفال' })).items.map((h) => h.threadId)).toEqual([threadId]);
    expect((await searchDiscussions(reader, { q: '"خط الإبلاغ"' })).items.map((h) => h.threadId)).toEqual([threadId]);

    expect((await searchDiscussions(reader, { q: 'النيابة', language: 'ar' })).items).toHaveLength(1);
    expect((await searchDiscussions(reader, { q: 'النيابة', language: 'fr' })).items).toEqual([]);
  });
});
