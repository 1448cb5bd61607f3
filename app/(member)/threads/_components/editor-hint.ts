/** The editor's hint under its label, the same for the plain field LazyEditor shows first and for the editor. */
export function editorHint(
  t: (key: 'bodyHint' | 'mentionTip' | 'mentionTipConversation' | 'shortcutsHint') => string,
  mentions: 'space' | 'conversation' | null,
) {
  return [t('bodyHint'), mentions ? t(mentions === 'space' ? 'mentionTip' : 'mentionTipConversation') : null, t('shortcutsHint')]
    .filter(Boolean)
    .join(' ');
}
