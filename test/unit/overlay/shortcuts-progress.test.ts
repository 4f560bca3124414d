// Step 3: keyboard shortcuts (Escape, - and +, t, ?), the help popover, and reading progress.
import { JSDOM } from 'jsdom';
import { buildProgress, minutesLeft, scrollProgress } from '../../../src/overlay/progress';
import { shortcutFor } from '../../../src/overlay/shortcuts';
import { nextTheme } from '../../../src/overlay/theme';
import { englishMessages } from '../extension/dom';
import { press, waitFor, useOpenReader } from './support';

const plain = { ctrlKey: false, metaKey: false, altKey: false, isComposing: false };

describe('shortcut keys', () => {
  it('map plain keys to actions and leave modified or typed keys alone', () => {
    expect(shortcutFor({ ...plain, key: 'Escape' }, false)).toBe('close');
    expect(shortcutFor({ ...plain, key: 'Escape' }, true)).toBe('close');
    expect(shortcutFor({ ...plain, key: '+' }, false)).toBe('larger');
    expect(shortcutFor({ ...plain, key: '=' }, false)).toBe('larger');
    expect(shortcutFor({ ...plain, key: '-' }, false)).toBe('smaller');
    expect(shortcutFor({ ...plain, key: 't' }, false)).toBe('next-theme');
    expect(shortcutFor({ ...plain, key: '?' }, false)).toBe('help');
    expect(shortcutFor({ ...plain, key: '+', ctrlKey: true }, false)).toBeNull(); // browser zoom
    expect(shortcutFor({ ...plain, key: 't' }, true)).toBeNull(); // typing in a control
    expect(shortcutFor({ ...plain, key: 'Escape', isComposing: true }, false)).toBeNull();
    expect(shortcutFor({ ...plain, key: 'j' }, false)).toBeNull();
  });

  it('cycle through every theme', () => {
    const seen = ['auto'];
    for (let i = 0; i < 5; i++) seen.push(nextTheme(seen[seen.length - 1] as 'auto'));
    expect(seen).toEqual(['auto', 'light', 'sepia', 'dark', 'custom', 'auto']);
  });
});

describe('progress', () => {
  it('is the share scrolled, and a page that does not scroll counts as read', () => {
    expect(scrollProgress(0, 3000, 1000)).toBe(0);
    expect(scrollProgress(1000, 3000, 1000)).toBe(0.5);
    expect(scrollProgress(5000, 3000, 1000)).toBe(1);
    expect(scrollProgress(0, 800, 1000)).toBe(1);
  });

  it('turns into whole minutes left, at least one until the end', () => {
    expect(minutesLeft(10, 0)).toBe(10);
    expect(minutesLeft(10, 0.5)).toBe(5);
    expect(minutesLeft(10, 0.97)).toBe(1);
    expect(minutesLeft(10, 1)).toBe(0);
    expect(minutesLeft(Number.NaN, 0)).toBe(1);
  });

  it("counts from a new total once a very long article's exact reading time replaces the estimate", () => {
    const { document } = new JSDOM('').window;
    const progress = buildProgress(document, englishMessages(), 40);
    const halfway = { scrollTop: 500, scrollHeight: 2000, clientHeight: 1000 } as HTMLElement;
    progress.update(halfway);
    expect(progress.label.textContent).toBe(englishMessages()('minutesLeft', ['20']));
    progress.setTotalMinutes(30);
    progress.update(halfway);
    expect(progress.label.textContent).toBe(englishMessages()('minutesLeft', ['15']));
  });
});

describe('in the reader', () => {
  const reader = useOpenReader();

  it('- and + change the font size, t the theme; keys in a control are not taken', () => {
    const paragraph = reader.$('.bs-article p');
    expect(press(reader, paragraph, '+').defaultPrevented).toBe(true);
    press(reader, paragraph, '+');
    press(reader, paragraph, '-');
    expect(reader.dialog.style.getPropertyValue('--bs-font-size')).toBe('22px');
    press(reader, paragraph, 't');
    expect(reader.dialog.dataset.theme).toBe('light');
    press(reader, paragraph, 't');
    expect(reader.dialog.dataset.theme).toBe('sepia');
    const select = reader.$('#bs-tool-font-family');
    expect(press(reader, select, 't').defaultPrevented).toBe(false);
    expect(reader.dialog.dataset.theme).toBe('sepia');
  });

  it('? shows the help popover listing the shortcuts; Escape closes it before the reader', () => {
    const help = reader.$('.bs-help');
    expect(help.hidden).toBe(true);
    press(reader, reader.$('.bs-article p'), '?');
    expect(help.hidden).toBe(false);
    expect(reader.$('.bs-help-button').getAttribute('aria-expanded')).toBe('true');
    expect(Array.from(help.querySelectorAll('dt')).map((dt) => dt.textContent)).toEqual([
      'Esc',
      '− +',
      'T',
      '?',
    ]);
    expect(help.textContent).toMatch(/Close the reader/);
    press(reader, reader.$('.bs-article p'), 'Escape');
    expect(help.hidden).toBe(true);
    expect(reader.dom.window.document.getElementById('broadsheet-reader-host')).not.toBeNull();
    press(reader, reader.$('.bs-article p'), 'Escape');
    expect(reader.dom.window.document.getElementById('broadsheet-reader-host')).toBeNull();
  });

  it('shows a labelled progress bar and the minutes left', async () => {
    const bar = reader.$('[role="progressbar"]');
    expect(bar.getAttribute('aria-label')).toBe('Reading progress');
    // jsdom does no layout: nothing scrolls, so the article counts as read.
    await waitFor(() => bar.getAttribute('aria-valuenow') === '100', 'the progress update');
    expect(reader.$('.bs-minutes-left').textContent).toBe('Finished');
  });
});
