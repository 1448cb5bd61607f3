import clsx from 'clsx';

/**
 * An organisation's logo (served by /api/files/[id], which checks visibility), or its initials. The
 * picture is decorative beside the name, so it has an empty alt unless `alt` is given.
 */
export function OrganisationLogo({ name, fileId, size = 'sm', alt = '' }: { name: string; fileId: string | null; size?: 'sm' | 'lg'; alt?: string }) {
  const box = size === 'lg' ? 'size-20 text-2xl' : 'size-10 text-sm';
  if (fileId) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- served by our own route with its own caching; next/image would proxy it
      <img src={`/api/files/${fileId}`} alt={alt} className={clsx(box, 'shrink-0 rounded-md border border-slate-200 bg-white object-contain')} />
    );
  }
  const initials = name
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  return (
    <span aria-hidden className={clsx(box, 'initials')}>
      {initials || '·'}
    </span>
  );
}
