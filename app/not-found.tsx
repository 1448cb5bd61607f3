import { RootNotFound } from '@/app/_components/root-not-found';

/** Any page that does not exist, outside the member frame. */
export default function NotFound() {
  return <RootNotFound />;
}
