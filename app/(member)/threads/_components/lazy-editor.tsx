'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { TextArea } from '@/app/_components/ui/field';
import { POST_MAX } from '@/lib/values';
import type { EditorProps } from './editor';
import { editorHint } from './editor-hint';

let loaded: ComponentType<EditorProps> | null = null;
const load = () => import('./editor').then((m) => (loaded = m.Editor));

/** How near the viewport (in px) the reply box is when the editor starts loading: it is there before it is seen. */
const NEAR = '800px';

/**
 * The editor for a form at the end of a long page (a thread's reply, a conversation's message): the page
 * loads without the editor's code (formatting, preview, mentions, identifying details; issue 17), which
 * comes when the field nears the viewport, is focused or pointed at. Until then the field is a plain
 * textarea with the same name, label, hint and errors, so the form works as it is, even without
 * JavaScript. When the editor arrives it takes the field's text and, if the member is typing, the focus
 * and caret, in the same task as it reads them (nothing typed in between is lost).
 */
export function LazyEditor(props: EditorProps) {
  const t = useTranslations('discussions.editor');
  // The editor once loaded, with what it takes over from the plain field (nothing when it was loaded before this mounted).
  const [ready, setReady] = useState<{
    Editor: ComponentType<EditorProps>;
    handover?: Pick<EditorProps, 'defaultValue' | 'initialSelection'>;
  } | null>(() => (loaded ? { Editor: loaded } : null));
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (ready || !el) return;
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      load().then((component) => {
        const area = el.querySelector('textarea');
        if (!area?.isConnected) return;
        const focused = document.activeElement === area;
        const initialSelection = focused ? ([area.selectionStart, area.selectionEnd] as const) : undefined;
        flushSync(() => setReady({ Editor: component, handover: { defaultValue: area.value, initialSelection } }));
      });
    };
    const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: NEAR });
    near.observe(el);
    el.addEventListener('focusin', start);
    el.addEventListener('pointerenter', start);
    return () => {
      near.disconnect();
      el.removeEventListener('focusin', start);
      el.removeEventListener('pointerenter', start);
    };
  }, [ready]);

  if (ready) return <ready.Editor {...props} {...ready.handover} />;
  return (
    <div ref={box}>
      <TextArea
        name="body"
        label={props.label}
        hint={editorHint(t, props.spaceId ? 'space' : props.conversationId ? 'conversation' : null)}
        errors={props.errors}
        defaultValue={props.defaultValue}
        maxLength={POST_MAX}
        rows={8}
        dir="auto"
        required
      />
    </div>
  );
}
