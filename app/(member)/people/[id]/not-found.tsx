import { NotFoundPanel } from '@/app/_components/not-found-panel';

/** A person who is not listed, not active, or does not exist. */
export default function NotFound() {
  return <NotFoundPanel back="directory" />;
}
