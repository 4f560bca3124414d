// The options page's strings come from browser.i18n; modules take this function so tests can pass English.
export type OptionsText = (key: string, substitutions?: string[]) => string;

export { make } from '../shared/dom';
