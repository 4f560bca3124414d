// A toolbar button that shows and hides a panel under the toolbar (disclosure pattern: aria-expanded and
// aria-controls). Focus moves to the panel's first control on open (a panel without controls leaves it
// where it was) and back to the button on close. A panel whose content loads on demand (reader-tools.js)
// opens once `prepare` has it ready.
import { focusableElements } from './focus-trap';

export interface Popover {
  button: HTMLButtonElement;
  panel: HTMLElement;
  readonly isOpen: boolean;
  open(): void;
  close(returnFocus?: boolean): void;
  toggle(): void;
}

export function buildPopover(
  doc: Document,
  options: {
    id: string;
    buttonText: string;
    buttonLabel: string;
    title: string;
    signal?: AbortSignal;
    /** Gets the panel's content ready: a promise while it loads, undefined once it is there. */
    prepare?: () => Promise<void> | undefined;
  },
): Popover {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `bs-tool-button bs-${options.id}-button`;
  button.textContent = options.buttonText;
  button.setAttribute('aria-label', options.buttonLabel);
  button.title = options.buttonLabel;
  button.setAttribute('aria-expanded', 'false');

  const panel = doc.createElement('section');
  panel.className = `bs-popover bs-${options.id}`;
  panel.id = `bs-${options.id}`;
  panel.hidden = true;
  const heading = doc.createElement('h2');
  heading.id = `bs-${options.id}-title`;
  heading.textContent = options.title;
  panel.setAttribute('aria-labelledby', heading.id);
  panel.append(heading);
  button.setAttribute('aria-controls', panel.id);

  const popover: Popover = {
    button,
    panel,
    get isOpen() {
      return !panel.hidden;
    },
    open() {
      const loading = options.prepare?.();
      if (loading) {
        // Opens when the content arrives, unless the reader closed meanwhile.
        loading.then(
          () => {
            if (!options.signal?.aborted) popover.open();
          },
          () => undefined,
        );
        return;
      }
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      focusableElements(panel)[0]?.focus({ preventScroll: true });
    },
    close(returnFocus = true) {
      if (panel.hidden) return;
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      if (returnFocus) button.focus({ preventScroll: true });
    },
    toggle() {
      if (popover.isOpen) popover.close();
      else popover.open();
    },
  };
  button.addEventListener('click', () => popover.toggle(), { signal: options.signal });
  return popover;
}
