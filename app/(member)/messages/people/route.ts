import { mentionableParticipants, messageCandidates } from '@/lib/dal/messages/people';
import { withViewer } from '@/lib/route';
import { peopleQuerySchema } from '@/lib/validation/direct-messages';

export const dynamic = 'force-dynamic';

/**
 * Type-ahead of people: with `conversation`, its other participants (mentions in the editor; 404 for a
 * conversation the viewer is not in); without, the people the viewer may write to (the directory's rule,
 * less those who blocked them).
 */
export const GET = withViewer({
  access: 'member',
  query: peopleQuerySchema,
  rateLimit: 'lookup',
  async handler({ query: { q, conversation }, viewer }) {
    return Response.json({ results: conversation ? await mentionableParticipants(viewer, conversation, q) : await messageCandidates(viewer, q) });
  },
});
