import { NotFoundPanel } from '@/app/_components/not-found-panel';

/** Any page that does not exist, outside the member frame. */
export default function NotFound() {
  return <NotFoundPanel back="home" main />;
}
