'use client';

import { useEffect, useRef } from 'react';
import { Alert } from './alert';

/** What replaces a form once it has done its job; focus moves to its heading so it is read out. */
export function DonePanel({ title, text }: { title: string; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="space-y-3">
      <h2 ref={ref} tabIndex={-1} className="text-xl font-semibold outline-none">
        {title}
      </h2>
      <Alert tone="success">{text}</Alert>
    </div>
  );
}
