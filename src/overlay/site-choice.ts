// The reader toolbar's "always open here / never open here" control for automatic mode: two toggle
// buttons, one click each; clicking the pressed one goes back to "only when I ask". The overlay never
// calls browser.* itself: the content script's functions ask the background, which reads and saves the
// settings and, when "always" needs the browser's permission for the site, opens the page to allow it
// (permission prompts need a click in an extension page; content scripts cannot ask).
import type { SiteChoice } from '../shared/settings';
import type { OverlayMessageKey, Translate } from './i18n';

export interface SiteChoiceOption {
  /** The page's hostname, shown in the tooltip. */
  host: string;
  /** The stored choice for the site, or null when it cannot be read. */
  current: () => Promise<SiteChoice | null>;
  /** Saves a choice; resolves to the choice now in force, or null when it was not saved. */
  choose: (choice: SiteChoice) => Promise<SiteChoice | null>;
}

const labels: Record<Exclude<SiteChoice, 'default'>, OverlayMessageKey> = {
  always: 'siteChoiceAlways',
  never: 'siteChoiceNever',
};

export function mountSiteChoice(
  doc: Document,
  parent: HTMLElement,
  option: SiteChoiceOption,
  t: Translate,
  signal: AbortSignal,
): HTMLElement {
  const element = doc.createElement('div');
  // The theme switch's pill look; the group's name says what the buttons are about.
  element.className = 'bs-theme-switch bs-site-choice';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', t('overlaySiteChoice'));
  element.title = `${t('overlaySiteChoice')}: ${option.host}`;
  let current: SiteChoice = 'default';
  const render = (choice: SiteChoice | null) => {
    if (choice === null || signal.aborted) return;
    current = choice;
    for (const button of buttons) {
      button.setAttribute('aria-pressed', String(button.dataset.siteChoice === choice));
    }
  };
  const buttons = (['always', 'never'] as const).map((choice) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.siteChoice = choice;
    button.textContent = t(labels[choice]);
    button.style.setProperty('--bs-swatch', 'transparent');
    button.addEventListener(
      'click',
      () => {
        const previous = current;
        const next: SiteChoice = current === choice ? 'default' : choice;
        render(next); // at once; the background's answer confirms it (or puts it back)
        option.choose(next).then(
          (saved) => render(saved ?? previous),
          () => render(previous),
        );
      },
      { signal },
    );
    element.append(button);
    return button;
  });
  render(current);
  option.current().then(render, () => undefined);
  parent.append(element);
  return element;
}
