// `broadsheet detect PAGE.html --url URL`: is this page a news or blog article the reader should open on
// by itself? Prints {"article": true|false, "reasons": [...]} as JSON and exits 0 either way.
import { detectArticle } from '../detection';
import { CliError, parseDocument, readPageArg } from './cli-io';

/** Runs the subcommand; returns the exit code (0 for either answer, 2 for bad usage or input). */
export async function runDetectCommand(args: string[]): Promise<number> {
  try {
    const page = await readPageArg(args);
    if (page.format !== undefined)
      throw new CliError('detect always prints JSON; --format is not an option here');
    if (page.timeBudget !== undefined)
      throw new CliError('--time-budget is an option of extract, not of detect');
    if (page.html.trim() === '')
      throw new CliError(`${page.source} is empty: expected an HTML page`);
    const document = parseDocument(page.html, page.url);
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
