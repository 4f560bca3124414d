// The "?" popover: the reader's keyboard shortcuts.
import type { Translate } from './i18n';
import { buildPopover, type Popover } from './popover';
import { shortcutList } from './shortcuts';

export function buildHelp(doc: Document, t: Translate, signal?: AbortSignal): Popover {
  const popover = buildPopover(doc, {
    id: 'help',
    buttonText: '?',
    buttonLabel: t('overlayHelp'),
    title: t('overlayHelpTitle'),
    signal,
  });
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
  popover.panel.append(list);
  return popover;
}
