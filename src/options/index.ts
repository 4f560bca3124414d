// The options page (minimal for now): what the extension does and its keyboard shortcut. Text comes from
// browser.i18n through data-i18n attributes, so the HTML holds no user-visible English of its own.
import browser from 'webextension-polyfill';

function localize(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  doc.title = browser.i18n.getMessage('optionsTitle');
  for (const element of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = element.dataset.i18n;
    if (key) element.textContent = browser.i18n.getMessage(key);
  }
}

/** "Keyboard shortcut: Alt+Shift+R", with the keys in <kbd>; the user may have changed or removed it. */
async function showShortcut(target: HTMLElement): Promise<void> {
  const commands = await browser.commands.getAll();
  const shortcut = commands.find((command) => command.name === '_execute_action')?.shortcut;
  if (!shortcut) {
    target.textContent = browser.i18n.getMessage('optionsShortcutUnset');
    return;
  }
  const marker = '\u0000';
  const [before = '', after = ''] = browser.i18n
    .getMessage('optionsShortcut', [marker])
    .split(marker);
  const kbd = document.createElement('kbd');
  kbd.textContent = shortcut;
  target.replaceChildren(before, kbd, after);
}

/** Firefox opens its shortcut manager itself; Chromium has a settings page extensions may open. */
async function openShortcutSettings(): Promise<void> {
  if (typeof browser.commands.openShortcutSettings === 'function') {
    await browser.commands.openShortcutSettings();
  } else {
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
}

localize(document);
document.getElementById('change-shortcut')?.addEventListener('click', () => {
  openShortcutSettings().catch((error: unknown) => {
    console.error('Broadsheet: could not open the shortcut settings', error);
  });
});
const shortcutLine = document.getElementById('shortcut');
if (shortcutLine) {
  showShortcut(shortcutLine).catch((error: unknown) => {
    console.error('Broadsheet: could not read the keyboard shortcut', error);
    shortcutLine.textContent = '';
  });
}
