/**
 * A decorative arrow beside "Back", "Previous" or "Next": it points the way the page reads, so it is
 * mirrored on right-to-left pages (← and → are not mirrored by the browser, unlike ‹ and ›).
 */
export function Arrow({ to }: { to: 'back' | 'forward' }) {
  return (
    <span aria-hidden className="inline-block rtl:-scale-x-100">
      {to === 'back' ? '←' : '→'}
    </span>
  );
}
