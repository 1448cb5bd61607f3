import { NotFoundPanel } from '@/app/_components/not-found-panel';

/** A conversation that does not exist or that the viewer is not part of (admins and moderators included). */
export default function NotFound() {
  return <NotFoundPanel back="messages" />;
}
