'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { followEdit, markSegments, type Range } from './highlight-text';

/**
 * Marks drawn behind a textarea (the "backdrop" technique of plain-textarea editors): a layer with the
 * field's box, font, padding, border, wrapping, direction and scroll position, holding the same text
 * with <mark> around each range, under a textarea whose background is transparent. Decorative: hidden
 * from assistive technology (the list under the field and its live summary are the accessible account).
 * Render it as TextArea's `backdrop`; `areaId` is the textarea's id.
 *
 * `ranges` were found in `checked` (the text as it was when last checked); while the member types on,
 * they follow the edit (followEdit) until the next check.
 */
export function HighlightBackdrop({ areaId, text, checked, ranges }: { areaId: string; text: string; checked: string; ranges: readonly Range[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // Without marks the layer stays empty: nothing to draw, and no second copy of the text in the page
  // (find in page, tests looking for the text).
  const segments = useMemo(() => {
    const marks = followEdit(checked, text, ranges);
    return marks.length ? markSegments(text, marks) : [];
  }, [text, checked, ranges]);

  /** Scroll position and direction (a dir="auto" field resolves it from its value) taken from the textarea. */
  const sync = useCallback(() => {
    const area = document.getElementById(areaId);
    const layer = ref.current;
    if (!area || !layer) return;
    const direction = getComputedStyle(area).direction;
    if (layer.style.direction !== direction) layer.style.direction = direction;
    layer.scrollTop = area.scrollTop;
    layer.scrollLeft = area.scrollLeft;
  }, [areaId]);

  // After every render: the text changed, and the textarea may have scrolled to follow the caret.
  useLayoutEffect(sync);
  useEffect(() => {
    const area = document.getElementById(areaId);
    if (!area) return;
    area.addEventListener('scroll', sync, { passive: true });
    const resized = new ResizeObserver(sync);
    resized.observe(area);
    return () => {
      area.removeEventListener('scroll', sync);
      resized.disconnect();
    };
  }, [areaId, sync]);

  return (
    <div ref={ref} aria-hidden="true" data-backdrop={areaId} className="field-input field-backdrop">
      {segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : s.text))}
      {/* A last empty line has a height in the textarea, not in a block: give it something to hold. */}
      {segments.length > 0 && (text.endsWith('\n') || text.endsWith('\r')) ? ' ' : null}
    </div>
  );
}
