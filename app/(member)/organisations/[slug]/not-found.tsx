import { NotFoundPanel } from '@/app/_components/not-found-panel';

/** An organisation that does not exist or that the viewer may not see. */
export default function NotFound() {
  return <NotFoundPanel back="directory" />;
}
