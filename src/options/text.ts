// The options page's strings come from browser.i18n; modules take this function so tests can pass English.
export type OptionsText = (key: string, substitutions?: string[]) => string;

/** Creates an element with a class and text in one line (the page builds many small parts). */
export function make<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
