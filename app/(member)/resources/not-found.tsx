import { NotFoundPanel } from '@/app/_components/not-found-panel';

/** A resource that does not exist or that the viewer may not see. */
export default function NotFound() {
  return <NotFoundPanel back="resources" />;
}
