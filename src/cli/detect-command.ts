// `broadsheet detect PAGE.html --url URL`: is this page a news or blog article the reader should open on
// by itself? Prints {"article": true|false, "reasons": [...]} as JSON and exits 0 either way.
import { detectArticle } from '../detection';
import { CliError, parseDocument, readPageArg } from './cli-io';

const STYLE_ELEMENTS = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/**
 * jsdom's CSS parser throws on a few real stylesheets; styles play no part in detection, so such a page
 * is parsed again without them rather than failing.
 */
function parseForDetection(html: string, url: string | undefined): Document {
  try {
    return parseDocument(html, url);
  } catch {
    return parseDocument(html.replace(STYLE_ELEMENTS, ''), url);
  }
}

/** Runs the subcommand; returns the exit code (0 for either answer, 2 for bad usage or input). */
export async function runDetectCommand(args: string[]): Promise<number> {
  try {
    const page = await readPageArg(args);
    if (page.format !== undefined)
      throw new CliError('detect always prints JSON; --format is not an option here');
    if (page.html.trim() === '')
      throw new CliError(`${page.source} is empty: expected an HTML page`);
    const document = parseForDetection(page.html, page.url);
    const result = detectArticle(document, { url: page.url });
    process.stdout.write(
      `${JSON.stringify({ article: result.article, reasons: result.reasons })}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`broadsheet detect: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
