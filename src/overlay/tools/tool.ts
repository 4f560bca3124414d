// The contract every reader tool follows (one feature, one file): it builds its own labelled control, shows
// the current settings, and asks for a change through `update`. The toolbar and the options page list tools;
// neither knows what any one tool does.
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { OverlayMessageKey, Translate } from '../i18n';

export interface ToolContext {
  doc: Document;
  t: Translate;
  /** Applies the change at once and saves it (debounced by the caller). */
  update(patch: SettingsPatch): void;
  /** Makes ids unique when the same tool appears twice in one document. */
  idPrefix: string;
  /** Removes the tool's listeners when the reader closes. */
  signal?: AbortSignal;
}

/** Adds a listener that goes away with the context's signal. */
export function listen<K extends keyof HTMLElementEventMap>(
  context: ToolContext,
  target: HTMLElement,
  type: K,
  listener: (event: HTMLElementEventMap[K]) => void,
): void {
  target.addEventListener(type, listener, { signal: context.signal });
}

export interface ReaderTool {
  readonly element: HTMLElement;
  /** Reflects the settings in the control (they may change in another tab or the options page). */
  show(settings: Settings): void;
}

export type ToolFactory = (context: ToolContext) => ReaderTool;

/** A row: a visible label tied to its control (the label is the control's accessible name). */
export function labelledRow(
  context: ToolContext,
  name: string,
  labelKey: OverlayMessageKey,
  control: HTMLElement,
): HTMLElement {
  const { doc, t, idPrefix } = context;
  const row = doc.createElement('div');
  row.className = `bs-tool bs-tool-${name}`;
  const label = doc.createElement('label');
  control.id = `${idPrefix}-${name}`;
  label.htmlFor = control.id;
  label.textContent = t(labelKey);
  row.append(label, control);
  return row;
}

export function selectControl<T extends string>(
  doc: Document,
  options: ReadonlyArray<{ value: T; label: string }>,
): HTMLSelectElement {
  const select = doc.createElement('select');
  for (const option of options) {
    const element = doc.createElement('option');
    element.value = option.value;
    element.textContent = option.label;
    select.append(element);
  }
  return select;
}

export function rangeControl(
  doc: Document,
  range: { min: number; max: number; step: number },
): HTMLInputElement {
  const input = doc.createElement('input');
  input.type = 'range';
  input.min = String(range.min);
  input.max = String(range.max);
  input.step = String(range.step);
  return input;
}

/** Keeps a value inside [min, max]; a non-number becomes the fallback. */
export function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
