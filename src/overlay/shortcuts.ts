// The reader's keyboard shortcuts. Plain keys only: with Ctrl/Cmd/Alt the browser's own shortcuts (zoom,
// find) must keep working, and keys typed into a control (a select, a colour field) are left alone.

export type ShortcutAction = 'close' | 'smaller' | 'larger' | 'next-theme' | 'help';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
}

export function shortcutFor(event: KeyLike, inControl: boolean): ShortcutAction | null {
  if (event.isComposing) return null;
  if (event.key === 'Escape') return 'close';
  if (event.ctrlKey || event.metaKey || event.altKey || inControl) return null;
  switch (event.key) {
    case '+':
    case '=':
      return 'larger';
    case '-':
    case '_':
      return 'smaller';
    case 't':
    case 'T':
      return 'next-theme';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Form controls that take typed keys themselves. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  const element = target as Element | null;
  const tag = element?.tagName?.toLowerCase();
  return tag === 'input' || tag === 'select' || tag === 'textarea';
}

/** The keys listed in the help popover, in order, with the message that describes each. */
export const shortcutList = [
  { keys: ['Esc'], message: 'shortcutClose' },
  { keys: ['−', '+'], message: 'shortcutFontSize' },
  { keys: ['T'], message: 'shortcutTheme' },
  { keys: ['?'], message: 'shortcutHelp' },
] as const;
