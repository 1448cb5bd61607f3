/** Whether a request path (with its query) is the moderation page, the one admin page moderators may open. */
export function isModerationPath(path: string | null | undefined): boolean {
  if (!path) return false;
  const pathname = path.split(/[?#]/)[0]!;
  return pathname === '/admin/moderation' || pathname === '/admin/moderation/';
}
