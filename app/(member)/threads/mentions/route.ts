import { z } from 'zod';
import { mentionCandidates } from '@/lib/dal/posts';
import { withViewer } from '@/lib/route';

export const dynamic = 'force-dynamic';

/** Type-ahead of the editor's mention box: people who can see the space (404 for a space the viewer does not see). */
export const GET = withViewer({
  access: 'member',
  query: z.object({ space: z.uuid(), q: z.string().trim().min(1).max(60) }),
  rateLimit: 'lookup',
  async handler({ space, q }, { viewer }) {
    const results = await mentionCandidates(viewer, space, q);
    return Response.json({ results }, { headers: { 'Cache-Control': 'private, no-store' } });
  },
});
