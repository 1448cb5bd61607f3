import { z } from 'zod';
import { findMemberOrganisations } from '@/lib/dal/accounts/registration-lookup';
import { withViewer } from '@/lib/route';

export const dynamic = 'force-dynamic';

/** Type-ahead for the registration form: member organisations whose name matches. */
export const GET = withViewer({
  access: 'public',
  query: z.object({ q: z.string().trim().max(100).default('') }),
  rateLimit: 'lookup',
  async handler({ query: { q } }) {
    return Response.json({ results: await findMemberOrganisations(q) });
  },
});
