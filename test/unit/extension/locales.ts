// The extension's own message files, read the way browser.i18n reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export function localeMessages(locale: string): Record<string, MessageEntry> {
  return JSON.parse(
    readFileSync(join(repoRoot, 'src', '_locales', locale, 'messages.json'), 'utf8'),
  ) as Record<string, MessageEntry>;
}

/** English messages, with Chrome's $1 substitution, as browser.i18n.getMessage returns them. */
export function englishMessages(): (key: string, substitutions?: string[]) => string {
  const messages = localeMessages('en');
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) throw new Error(`no English message "${key}"`);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(
        /\$(\d)/g,
        (__, index: string) => substitutions[Number(index) - 1] ?? '',
      );
    });
  };
}
