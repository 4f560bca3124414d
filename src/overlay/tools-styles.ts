// The CSS of the toolbar's panels (reading settings, actions, read aloud, keyboard help). It comes with
// reader-tools.js and is added to the reader's shadow root when the tools attach.
import { monoStack } from './styles';

export const toolsCss = `
/* Popovers under the toolbar: reading settings and keyboard help. */
.bs-popover {
  position: absolute;
  top: 100%;
  inset-inline-end: 1em;
  z-index: 2;
  width: min(22em, calc(100% - 2em));
  max-height: 75vh;
  overflow-y: auto;
  margin-top: 0.25em;
  padding: 1em;
  border: 1px solid var(--bs-border);
  border-radius: 8px;
  background: var(--bs-bg);
  color: var(--bs-fg);
  box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
}
.bs-popover[hidden] { display: none; }
.bs-popover h2 { margin: 0 0 0.75em; font-size: 1em; }
.bs-tool { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5em; margin: 0 0 0.85em; }
.bs-tool label { flex: 1 1 8em; }
.bs-tool select, .bs-tool input[type="range"] { flex: 1 1 10em; font: inherit; color: inherit; }
.bs-tool select { padding: 0.3em; border: 1px solid var(--bs-muted); border-radius: 4px; background: var(--bs-bg); }
.bs-tool-name { flex: 1 1 auto; }
.bs-tool-font-size button, .bs-use-custom {
  min-width: 2.75em;
  padding: 0.3em 0.6em;
  border: 1px solid var(--bs-muted);
  border-radius: 4px;
  background: var(--bs-bg);
  color: var(--bs-fg);
  font: inherit;
  cursor: pointer;
}
.bs-tool-font-size button:disabled { opacity: 0.5; cursor: default; }
.bs-use-custom[aria-pressed="true"] { background: var(--bs-subtle); font-weight: 700; }
.bs-font-size-value { min-width: 4em; text-align: center; }
.bs-tool-images { justify-content: flex-start; }
.bs-tool-images label { flex: 1 1 auto; }
.bs-tool-custom-colors { display: block; margin: 0; padding: 0.5em 0.75em; border: 1px solid var(--bs-border); border-radius: 6px; }
.bs-colour { display: inline-flex; align-items: center; gap: 0.4em; margin: 0.5em 1em 0 0; }
.bs-colour input[type="color"] { width: 2.5em; height: 1.8em; padding: 0; border: 1px solid var(--bs-muted); background: none; }
.bs-colour-hex { width: 5.5em; font: inherit; font-family: ui-monospace, monospace; padding: 0.1em 0.3em; border: 1px solid var(--bs-muted); background: var(--bs-bg); color: var(--bs-fg); }
.bs-contrast { margin: 0.5em 0 0; font-size: 0.9em; }
.bs-contrast[data-ok="false"] { font-weight: 700; }
.bs-save-error { margin: 0.5em 0 0; font-weight: 700; }
.bs-save-error:empty { display: none; }
.bs-shortcuts { display: grid; grid-template-columns: auto 1fr; gap: 0.5em 1em; margin: 0; }
.bs-shortcuts dt { font-weight: 600; white-space: nowrap; }
.bs-shortcuts dd { margin: 0; }
.bs-dialog kbd {
  padding: 0.05em 0.4em;
  border: 1px solid var(--bs-border);
  border-radius: 4px;
  background: var(--bs-subtle);
  font-family: ${monoStack};
  font-size: 0.9em;
}
select:focus-visible, input:focus-visible { outline: 2px solid var(--bs-focus); outline-offset: 2px; }

/* Article actions and read-aloud. */
.bs-action {
  display: block;
  width: 100%;
  margin: 0 0 0.5em;
  padding: 0.45em 0.75em;
  border: 1px solid var(--bs-muted);
  border-radius: 4px;
  background: var(--bs-bg);
  color: var(--bs-fg);
  font: inherit;
  text-align: start;
  cursor: pointer;
}
.bs-action:hover { background: var(--bs-subtle); }
.bs-action:disabled { opacity: 0.6; cursor: default; }
.bs-speech { margin-top: 1em; padding-top: 0.75em; border-top: 1px solid var(--bs-border); }
.bs-speech-buttons { display: flex; gap: 0.5em; }
.bs-speech-buttons .bs-action { width: auto; flex: 1 1 auto; text-align: center; }
.bs-speech-play[aria-pressed="true"] { font-weight: 700; background: var(--bs-subtle); }
.bs-speech-message, .bs-action-status { margin: 0.5em 0 0; font-size: 0.9em; }
.bs-speech-message:empty, .bs-action-status:empty { display: none; }
.bs-article .bs-speaking {
  background: var(--bs-subtle);
  box-shadow: -0.5em 0 0 var(--bs-subtle), 0.5em 0 0 var(--bs-subtle), inset 3px 0 0 var(--bs-accent);
  border-radius: 2px;
}

`;
