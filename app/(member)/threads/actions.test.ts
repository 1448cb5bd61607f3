import { beforeAll, describe, expect, it, vi } from 'vitest';
import en from '@/messages/en';
import { auditRowsOf } from '@/testing/audit';
import { createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { createThread } from '@/lib/dal/discussions/posts-write';
import { createThreadAction, replyAction } from './actions';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

let threadId: string;
let spaceId: string;
let viewer: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  viewer = await signedIn();
  spaceId = (await createSpace()).id;
  ({ threadId } = await createThread(viewer, { spaceId, title: 'A thread', body: 'First post', urgent: false }, request));
});

describe('replyAction and identifying details', () => {
  it('answers a field error on the body naming the kinds, echoes the text, and publishes once the box is ticked', async () => {
    const restore = withoutPostingLimits();
    await actAs(viewer);
    const body = 'Her number is 020 7946 0958, email amira.k@example.org.';
    const state = await replyAction(null, form({ threadId, body }));
    expect(state).toMatchObject({ ok: false, message: en.errors.checkFields, identifying: ['email', 'phone'], values: { body } });
    const [message] = (state && !state.ok && state.fieldErrors?.body) || [];
    expect(message).toContain('an email address and a phone number');

    // The action redirects to the new post once published.
    await expect(replyAction(null, form({ threadId, body, identifyingChecked: 'on' }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await auditRowsOf('content.identifying_acknowledged', { actorId: viewer.id })).toMatchObject([
      { targetType: 'post', ip: '203.0.113.5', details: { kinds: ['email', 'phone'] } },
    ]);
    restore();
  });
});

describe('createThreadAction and identifying details in the title', () => {
  it('answers a field error on the title (and one on the body, each with its kinds) until the box is ticked', async () => {
    const restore = withoutPostingLimits();
    await actAs(viewer);
    const title = 'Reach her on 020 7946 0958';
    const state = await createThreadAction(null, form({ spaceId, title, body: 'See amira.k@example.org', language: 'en' }));
    expect(state).toMatchObject({ ok: false, identifying: ['email', 'phone'], values: { title } });
    const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
    expect(fieldErrors?.title?.[0]).toContain('a phone number');
    expect(fieldErrors?.title?.[0]).not.toContain('email');
    expect(fieldErrors?.body?.[0]).toContain('an email address');

    const titleOnly = await createThreadAction(null, form({ spaceId, title, body: 'Nothing here', language: 'en' }));
    expect(titleOnly).toMatchObject({ ok: false, identifying: ['phone'] });
    expect(titleOnly && !titleOnly.ok ? Object.keys(titleOnly.fieldErrors ?? {}) : []).toEqual(['title']);

    await expect(createThreadAction(null, form({ spaceId, title, body: 'Nothing here', language: 'en', identifyingChecked: 'on' }))).rejects.toThrow(
      /NEXT_REDIRECT/,
    );
    restore();
  });
});
