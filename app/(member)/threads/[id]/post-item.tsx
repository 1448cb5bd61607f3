import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ResourceCards } from '@/app/_components/resource-cards';
import type { PostView } from '@/lib/dal/discussions/posts';
import { HidePostForm, RestorePostButton } from '@/app/_components/moderation-tools';
import { authorNames } from '@/app/_components/chatham';
import { chathamLabelText } from '@/lib/i18n/chatham-label';
import { Post, type PostAffiliation } from './post';

/**
 * One post of a thread, handed to the client component `Post` as a few values (issue 17): the author as
 * the viewer may see them (under the Chatham House Rule a label, never the author's id or name), the
 * times worded in the viewer's time zone and locale, the cooked body once. Moderators' tools and resource
 * cards, which only some posts have, come rendered. Inside a PostList, which gives the thread and what the viewer may do.
 */
export async function PostItem({ post, moderator }: { post: PostView; moderator: boolean }) {
  const [authorName, format, locale] = await Promise.all([authorNames(), getFormatter(), getLocale()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const affiliation: PostAffiliation =
    post.chathamAuthor && post.isOwn
      ? { youAs: chathamLabelText(locale, post.chathamAuthor) }
      : !post.authorName
        ? null
        : { organisation: post.authorOrganisation ?? '', ...(post.authorFormerMember ? { former: true } : {}) };
  return (
    <Post
      post={{
        id: post.id,
        number: post.number,
        name: authorName(post),
        affiliation,
        // To the second: the milliseconds are 20 × 4 bytes nobody reads.
        created: [post.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), when(post.createdAt)],
        // Only what is set: 30 posts' false and null would be a kilobyte of the page's flight data.
        ...(post.editedAt ? { edited: when(post.editedAt) } : {}),
        ...(post.deleted ? { deleted: true } : {}),
        ...(post.hidden ? { hidden: true } : {}),
        ...(post.hiddenReason ? { hiddenReason: post.hiddenReason } : {}),
        ...(post.cooked !== null ? { cooked: post.cooked } : {}),
        ...(post.isOwn ? { isOwn: true } : {}),
      }}
      {...(post.resourceCards?.length ? { cards: <ResourceCards cards={post.resourceCards} /> } : {})}
      {...(moderator && !post.deleted ? { moderation: <PostModeration postId={post.id} hidden={post.hidden} /> } : {})}
    />
  );
}

/** A moderator's tool for one post: restore it, or hide it with a reason. */
async function PostModeration({ postId, hidden }: { postId: string; hidden: boolean }) {
  const t = await getTranslations('discussions.moderation');
  return hidden ? (
    <RestorePostButton postId={postId} />
  ) : (
    <details>
      <summary className="cursor-pointer">{t('hide')}</summary>
      <div className="mt-2">
        <HidePostForm postId={postId} />
      </div>
    </details>
  );
}
