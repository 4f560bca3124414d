// The "?" panel's content: the reader's keyboard shortcuts.
import type { Translate } from './i18n';
import { shortcutList } from './shortcuts';

export function fillHelp(panel: HTMLElement, doc: Document, t: Translate): void {
  const list = doc.createElement('dl');
  list.className = 'bs-shortcuts';
  for (const shortcut of shortcutList) {
    const keys = doc.createElement('dt');
    shortcut.keys.forEach((key, index) => {
      if (index > 0) keys.append(' ');
      const kbd = doc.createElement('kbd');
      kbd.textContent = key;
      keys.append(kbd);
    });
    const what = doc.createElement('dd');
    what.textContent = t(shortcut.message);
    list.append(keys, what);
  }
  panel.append(list);
}
