// The one place next/link is imported (eslint.config.mjs): every other module takes Link from here.
// eslint-disable-next-line no-restricted-imports
import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * next/link without prefetching. Next.js prefetches each link as it scrolls into view, but every
 * member page is dynamic (it reads the session), and a dynamic route without a loading boundary yields
 * nothing to prefetch: the browser only learns that from the server, one or two requests per link. A
 * member page with a dozen links cost the server about twenty such requests at every load, ~2 ms of CPU
 * each, more than the page itself (decision 025). A click still navigates in the browser without
 * reloading the page. `prefetch` can be given back where a route is worth it.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
