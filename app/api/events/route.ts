import { z } from 'zod';
import { liveEventStream } from '@/lib/live/stream';
import { withViewer } from '@/lib/route';

/**
 * GET /api/events: the signed-in member's live updates as Server-Sent Events (lib/live/stream.ts):
 * the unread notification count and, with `thread`, the new posts of that thread they may see (or, with
 * `conversation`, the new messages of that conversation that reach them). Same origin only; `after` (the
 * page's last post or message number) or the browser's Last-Event-ID says what to replay.
 */
export const dynamic = 'force-dynamic';

const lastEventId = (req: Request): number | null => {
  const raw = req.headers.get('last-event-id');
  const n = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  return n;
};

export const GET = withViewer({
  access: 'member',
  sameOrigin: true,
  query: z.object({
    thread: z.uuid().optional(),
    conversation: z.uuid().optional(),
    after: z.coerce.number().int().min(0).max(999_999_999).optional(),
  }),
  async handler({ req, query, viewer }) {
    const resumed = lastEventId(req);
    const after = resumed === null && query.after === undefined ? null : Math.max(resumed ?? 0, query.after ?? 0);
    const body = liveEventStream({
      viewer,
      threadId: query.thread ?? null,
      conversationId: query.thread ? null : (query.conversation ?? null),
      after,
      signal: req.signal,
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform: the server's compression would otherwise hold events back.
        'Cache-Control': 'private, no-store, no-transform',
        'X-Accel-Buffering': 'no',
      },
    });
  },
});
