/**
 * The cast of the TLP marking tests (lib/dal/discussions/markings*.test.ts): author (org A), colleague
 * (org A), partner (org B, chosen for AMBER), named (org C, named for RED), outsider (org C), moderator and
 * admin (neither chosen nor named), all following one open space; and who sees a thread of each marking.
 */
import { setSpaceMode } from '@/lib/dal/notifications/preferences';
import { createThread } from '@/lib/dal/discussions/posts-write';
import { followSpace } from '@/lib/dal/discussions/spaces';
import type { TlpMarking } from '@/db/schema';
import { createSpace, request, withoutPostingLimits } from './discussions';
import { createOrganisation, signedIn } from './factories';

export type MarkingPerson = Awaited<ReturnType<typeof signedIn>>;
export type Who = 'author' | 'colleague' | 'partner' | 'named' | 'outsider' | 'moderator' | 'admin';

export const SEES: Record<TlpMarking, Record<Who, boolean>> = {
  clear: { author: true, colleague: true, partner: true, named: true, outsider: true, moderator: true, admin: true },
  green: { author: true, colleague: true, partner: true, named: true, outsider: true, moderator: true, admin: true },
  amber: { author: true, colleague: true, partner: true, named: false, outsider: false, moderator: false, admin: false },
  amber_strict: { author: true, colleague: true, partner: false, named: false, outsider: false, moderator: false, admin: false },
  red: { author: true, colleague: false, partner: false, named: true, outsider: false, moderator: false, admin: false },
};

export async function markingCast() {
  withoutPostingLimits();
  const a = await createOrganisation({ name: 'Hotline A' });
  const b = await createOrganisation({ name: 'Partner B' });
  const c = await createOrganisation({ name: 'Third C' });
  const people: Record<Who, MarkingPerson> = {
    author: await signedIn({ organisationId: a.id }),
    colleague: await signedIn({ organisationId: a.id }),
    partner: await signedIn({ organisationId: b.id }),
    named: await signedIn({ organisationId: c.id }),
    outsider: await signedIn({ organisationId: c.id }),
    moderator: await signedIn({ role: 'moderator' }),
    admin: await signedIn({ role: 'admin' }),
  };
  const space = (await createSpace({ name: 'Open coordination' })).id;
  for (const v of Object.values(people)) {
    await followSpace(v, space, true);
    await setSpaceMode(v, space, 'every_post');
  }
  /** A thread by the author with the marking, the partner's organisation chosen and `named` (and `alsoNamed`) named. */
  async function marked(marking: TlpMarking, title: string, spaceId = space, alsoNamed: string[] = []) {
    const { threadId } = await createThread(
      people.author,
      {
        spaceId,
        title,
        body: `${title} body kumquat`,
        urgent: true,
        urgentReason: 'Today',
        marking,
        markingOrganisations: [people.partner.organisationId],
        markingPeople: [people.named.id, ...alsoNamed],
      },
      request,
    );
    return threadId;
  }
  return { people, space, marked };
}
