// `broadsheet extract PAGE.html --url URL [--format json|html|text] [--time-budget MS]`: the extension's
// pipeline on a saved page.
import { extract, ExtractionLimitError, MIN_ARTICLE_WORDS } from '../extraction';
import type { ExtractedArticle } from '../extraction/types';
import { CliError, parseDocument, readPageArg } from './cli-io';

const FORMATS = ['json', 'html', 'text'] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'json';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
}

/** No budget unless asked for: the command line may take as long as a page needs. */
function parseTimeBudget(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1) {
    throw new CliError(`--time-budget wants a whole number of milliseconds, got "${value}"`);
  }
  return ms;
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

/** A note on standard error for texts the reader would not show as an article (stdout stays the article). */
function shortTextNote(article: ExtractedArticle, source: string): string | undefined {
  if (article.wordCount >= MIN_ARTICLE_WORDS) return undefined;
  return `Note: ${source} has only ${article.wordCount} words of article text (the reader shows fewer than ${MIN_ARTICLE_WORDS} as "no article")`;
}

/**
 * Runs the subcommand; returns the exit code (0 ok, 1 no article or over the time budget, 2 bad usage
 * or unreadable input).
 */
export async function runExtractCommand(args: string[]): Promise<number> {
  try {
    const page = await readPageArg(args);
    const format = parseFormat(page.format);
    const timeBudgetMs = parseTimeBudget(page.timeBudget);
    const document = parseDocument(page.html, page.url);
    const article = extract(document, {
      url: page.url,
      window: document.defaultView ?? undefined,
      timeBudgetMs,
    });
    if (!article) {
      console.error(`No article found in ${page.source}`);
      return 1;
    }
    const note = shortTextNote(article, page.source);
    if (note) console.error(note);
    if (format === 'text') console.error(`${article.wordCount} words`);
    process.stdout.write(`${render(article, format)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ExtractionLimitError) {
      console.error(
        `broadsheet extract: ${error.reason === 'too-large' ? 'page too large' : 'out of time'}: ${error.message}`,
      );
      return 1;
    }
    if (error instanceof CliError) {
      console.error(`broadsheet extract: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
