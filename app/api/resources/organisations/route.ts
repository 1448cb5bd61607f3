import { z } from 'zod';
import { contributingOrganisations } from '@/lib/dal/resources/options';
import { withViewer } from '@/lib/route';

export const dynamic = 'force-dynamic';

/** Type-ahead of the resource list's organisation filter: organisations with resources the member may see. */
export const GET = withViewer({
  access: 'member',
  query: z.object({ q: z.string().trim().max(100).default('') }),
  rateLimit: 'lookup',
  async handler({ viewer, query: { q } }) {
    return Response.json({ results: await contributingOrganisations(viewer, { q }) });
  },
});
