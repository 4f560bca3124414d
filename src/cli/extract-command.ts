// `broadsheet extract PAGE.html --url URL [--format json|html|text]`: the extension's pipeline on a saved page.
import { extract } from '../extraction';
import type { ExtractedArticle } from '../extraction/types';
import { CliError, parseDocument, readPageArg } from './cli-io';

const FORMATS = ['json', 'html', 'text'] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'json';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
}

function render(article: ExtractedArticle, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(article, null, 2);
    case 'html':
      return article.html;
    case 'text':
      return article.text;
  }
}

/** Runs the subcommand; returns the exit code (0 ok, 1 no article, 2 bad usage or unreadable input). */
export async function runExtractCommand(args: string[]): Promise<number> {
  try {
    const page = await readPageArg(args);
    const format = parseFormat(page.format);
    const document = parseDocument(page.html, page.url);
    const article = extract(document, { url: page.url, window: document.defaultView ?? undefined });
    if (!article) {
      console.error(`No article found in ${page.source}`);
      return 1;
    }
    process.stdout.write(`${render(article, format)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`broadsheet extract: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
