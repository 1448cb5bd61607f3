/**
 * One member's live event stream (Server-Sent Events, served by app/api/events/route.ts):
 *
 *  - `unread` {count}: the header's unread count (notificationAccess, capped), sent when the stream
 *    opens and whenever it changes;
 *  - `messages` {count}: the conversations with unread direct messages (messageAccess, capped), likewise;
 *  - `post` {number}, with the post's number as the event id: a new post of the open thread the member
 *    may see (lib/dal/discussions/live.ts). A stream that opens with `after` (the page's last post) or
 *    resumes with Last-Event-ID first replays what it missed, bounded;
 *  - `dm` {number}, with the message's number as the event id: a new message of the open conversation
 *    that reaches the member (lib/dal/messages/live.ts: conversationAccess and messageAccess, decision
 *    027), replayed after `after` in the same way.
 *
 * Every event and every heartbeat (a comment every 20 s) loads the member again from the session row
 * (without moving its last-seen time) and asks the data-access layer with that fresh viewer: a session
 * that ended closes the stream (the browser's reconnection then gets a 401 and stops), and a member who
 * lost access to a space is told nothing more about it. Events are handled one after another, in order.
 */
import 'server-only';
import type { Viewer } from '@/lib/auth/sessions';
import { viewerForSessionKey } from '@/lib/auth/sessions';
import { livePostNumbers } from '@/lib/dal/discussions/live';
import { unreadConversationCount } from '@/lib/dal/messages/conversations';
import { liveMessageNumbers } from '@/lib/dal/messages/live';
import { unreadNotificationCount } from '@/lib/dal/notifications/notifications';
import { loggableError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { subscribe, type LiveEvent } from './bus';

export const HEARTBEAT_MS = 20_000;
/** How long the browser waits before reconnecting (the `retry` field). */
const RETRY_MS = 5_000;

export interface LiveStreamOptions {
  viewer: Viewer;
  /** The open thread whose new posts the page wants, if any. */
  threadId: string | null;
  /** The open conversation whose new messages the page wants, if any (never with `threadId`). */
  conversationId?: string | null;
  /** Replay that thread's posts (or conversation's messages) after this number first (the page's last one, or Last-Event-ID). */
  after: number | null;
  /** Aborted when the browser goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
}

/** One SSE message: the data is JSON of ids and numbers only. */
export function sseMessage(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function liveEventStream({
  viewer: first,
  threadId,
  conversationId = null,
  after,
  signal,
  heartbeatMs = HEARTBEAT_MS,
}: LiveStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let unsubscribe = () => {};
  let timer: ReturnType<typeof setInterval> | undefined;
  let queue = Promise.resolve();
  let unread = -1;
  let messages = -1;
  /** The conversation's last message number announced (or known to the page). */
  let lastMessage = after ?? 0;

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    unsubscribe();
    try {
      controller.close();
    } catch {
      // Already closed by the reader.
    }
  };
  const write = (text: string) => {
    if (!closed) controller.enqueue(encoder.encode(text));
  };
  /** Runs `task` with the member as the session row says now, after the tasks before it; closes the stream if the session ended. */
  const run = (task: (viewer: Viewer) => Promise<void>) => {
    queue = queue
      .then(async () => {
        if (closed) return;
        const viewer = await viewerForSessionKey(first.sessionKey);
        if (!viewer) return close();
        if (!closed) await task(viewer);
      })
      .catch((error) => {
        // The database is away: close, the browser reconnects and resumes from its last event id.
        logger.warn({ error: loggableError(error) }, 'live event stream closed after an error');
        close();
      });
  };
  const sendUnread = async (viewer: Viewer) => {
    const count = await unreadNotificationCount(viewer);
    if (count === unread) return;
    unread = count;
    write(sseMessage('unread', { count }));
  };
  const sendMessages = async (viewer: Viewer) => {
    const count = await unreadConversationCount(viewer);
    if (count === messages) return;
    messages = count;
    write(sseMessage('messages', { count }));
  };
  const sendPosts = async (viewer: Viewer, which: { postId: string } | { after: number }) => {
    if (!threadId) return;
    for (const number of await livePostNumbers(viewer, threadId, which)) write(sseMessage('post', { number }, number));
  };
  const sendConversation = async (viewer: Viewer) => {
    if (!conversationId) return;
    for (const number of await liveMessageNumbers(viewer, conversationId, lastMessage)) {
      lastMessage = number;
      write(sseMessage('dm', { number }, number));
    }
  };
  const onEvent = (event: LiveEvent) => {
    if (event.k === 'post') {
      if (event.thread === threadId) run((viewer) => sendPosts(viewer, { postId: event.post }));
    } else if (event.k === 'messages') {
      if (!event.users.includes(first.id)) return;
      run(sendMessages);
      if (event.c && event.c === conversationId) run(sendConversation);
    } else if (!event.users || event.users.includes(first.id)) {
      run(sendUnread);
    }
  };

  return new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      if (signal.aborted) return close();
      signal.addEventListener('abort', close, { once: true });
      write(`retry: ${RETRY_MS}\n\n`);
      try {
        // Listening before the first reads: nothing written in between is missed.
        const stop = await subscribe(onEvent);
        if (closed) stop();
        else unsubscribe = stop;
      } catch (error) {
        logger.warn({ error: loggableError(error) }, 'live events: could not listen');
        return close();
      }
      run(async (viewer) => {
        await sendUnread(viewer);
        await sendMessages(viewer);
        if (after !== null) await sendPosts(viewer, { after });
        if (after !== null) await sendConversation(viewer);
      });
      timer = setInterval(() => run(async () => write(': heartbeat\n\n')), heartbeatMs);
    },
    cancel() {
      close();
    },
  });
}
