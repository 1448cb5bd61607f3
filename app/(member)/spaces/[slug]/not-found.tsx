import { NotFoundPanel } from '@/app/_components/not-found-panel';

/** A space, or a page of it, that the viewer may not see. */
export default function NotFound() {
  return <NotFoundPanel back="spaces" />;
}
