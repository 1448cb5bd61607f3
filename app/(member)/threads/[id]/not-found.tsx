import { NotFoundPanel } from '@/app/_components/not-found-panel';

/** A thread or post that does not exist or that the viewer may not see. */
export default function NotFound() {
  return <NotFoundPanel back="spaces" />;
}
