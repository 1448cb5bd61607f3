import { mentionCandidates } from '@/lib/dal/discussions/posts';
import { withViewer } from '@/lib/route';
import { mentionQuerySchema } from '@/lib/validation/discussions';

export const dynamic = 'force-dynamic';

/** Type-ahead of the editor's mention box: people who can see the space (404 for a space the viewer does not see). */
export const GET = withViewer({
  access: 'member',
  query: mentionQuerySchema,
  rateLimit: 'lookup',
  async handler({ query: { space, q }, viewer }) {
    return Response.json({ results: await mentionCandidates(viewer, space, q) });
  },
});
