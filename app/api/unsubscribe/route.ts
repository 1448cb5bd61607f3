import { z } from 'zod';
import { unsubscribeWithToken } from '@/lib/dal/notifications/unsubscribe';
import { appLink } from '@/lib/email';
import { withViewer } from '@/lib/route';
import { unsubscribeSchema } from '@/lib/validation/notifications';

export const dynamic = 'force-dynamic';

/**
 * One-click unsubscribe (RFC 8058): the URL in a notification email's `List-Unsubscribe` header, which
 * mail clients POST to (`List-Unsubscribe=One-Click`) without cookies or sign-in. The signed token in the
 * query names the member and the kind of email. A forged token changes nothing (400).
 */
export const POST = withViewer({
  access: 'public',
  query: unsubscribeSchema,
  rateLimit: 'lookup',
  async handler({ query, request, t }) {
    const done = await unsubscribeWithToken(query.token, request);
    if (!done) return Response.json({ error: 'invalid', message: t('notify.unsubscribe.invalid') }, { status: 400 });
    return Response.json({ ok: true, kind: done.kind });
  },
});

/** A person who opens the header's address in a browser gets the page with the button. */
export const GET = withViewer({
  access: 'public',
  query: z.object({ token: z.string().max(200).optional() }),
  async handler({ query }) {
    return Response.redirect(appLink('/unsubscribe', query.token ? { token: query.token } : {}), 303);
  },
});
