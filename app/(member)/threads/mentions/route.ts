import { mentionCandidates } from '@/lib/dal/discussions/posts';
import { withViewer } from '@/lib/route';
import { mentionQuerySchema } from '@/lib/validation/discussions';

export const dynamic = 'force-dynamic';

/**
 * Type-ahead of the editor's mention box: people who can see the space, or the thread when one is given (its
 * TLP marking narrows them); 404 for a space or thread the viewer does not see.
 */
export const GET = withViewer({
  access: 'member',
  query: mentionQuerySchema,
  rateLimit: 'lookup',
  async handler({ query: { space, thread, q }, viewer }) {
    return Response.json({ results: await mentionCandidates(viewer, space, q, thread) });
  },
});
