// Shared helpers for the `broadsheet` subcommands: read a page (file or stdin), parse the common
// options (--url, --format), and turn HTML into a jsdom Document. Kept free of any one command's logic.
import { readFile } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';

/** A problem with the command line or its input: the message is for the user, the code is the exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface PageArgs {
  /** The page's HTML. */
  html: string;
  /** The page's address (--url), used to resolve relative links; undefined when not given. */
  url: string | undefined;
  /** The --format value as typed, undefined when not given (each command validates its own formats). */
  format: string | undefined;
  /** The --time-budget value as typed (milliseconds), undefined when not given. */
  timeBudget: string | undefined;
  /** What to call the input in messages: the file path, or "standard input". */
  source: string;
}

/** Options that take a value; anything else starting with "--" is rejected. */
const VALUE_OPTIONS = ['url', 'format', 'time-budget'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

interface ParsedArgs {
  file: string | undefined;
  options: Partial<Record<ValueOption, string>>;
}

/** Splits `[PAGE.html|-] [--url URL] [--format F]` (also `--url=URL`). Throws CliError on bad usage. */
export function parseArgs(args: readonly string[]): ParsedArgs {
  const options: Partial<Record<ValueOption, string>> = {};
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (!isValueOption(name)) throw new CliError(`unknown option "${arg}"`);
      let value: string | undefined;
      if (eq !== -1) {
        value = arg.slice(eq + 1);
      } else {
        value = args[i + 1];
        i++;
      }
      if (value === undefined || value === '') throw new CliError(`option --${name} needs a value`);
      options[name] = value;
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new CliError(`expected one page, got "${file}" and "${arg}"`);
    }
  }
  return { file, options };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeReadError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `Cannot read ${path}: no such file`;
  if (code === 'EISDIR') return `Cannot read ${path}: it is a directory`;
  if (code === 'EACCES') return `Cannot read ${path}: permission denied`;
  return `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Reads the page named on the command line (or stdin for none / "-") and the common options.
 * Throws CliError (exit code 2) for bad usage, an unreadable file or a bad --url.
 */
export async function readPageArg(args: readonly string[]): Promise<PageArgs> {
  const { file, options } = parseArgs(args);
  if (options.url !== undefined && !isAbsoluteUrl(options.url)) {
    throw new CliError(
      `--url must be an absolute URL such as https://example.com/page, got "${options.url}"`,
    );
  }
  const fromStdin = file === undefined || file === '-';
  let html: string;
  try {
    html = fromStdin ? await readStdin() : await readFile(file as string, 'utf8');
  } catch (error) {
    throw new CliError(describeReadError(fromStdin ? 'standard input' : (file as string), error));
  }
  return {
    html,
    url: options.url,
    format: options.format,
    timeBudget: options['time-budget'],
    source: fromStdin ? 'standard input' : (file as string),
  };
}

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/**
 * Parses HTML into a jsdom Document (no scripts run, no resources load). `url` sets document.URL so
 * relative links resolve; jsdom's CSS/console noise is silenced.
 */
export function parseDocument(html: string, url?: string): Document {
  const options = {
    url: url !== undefined && isAbsoluteUrl(url) ? url : undefined,
    virtualConsole: new VirtualConsole(),
  };
  try {
    return new JSDOM(html, options).window.document;
  } catch (error) {
    // jsdom's CSS parser throws on some real-world style sheets (e.g. unprocessed Sass in calc()).
    // Styles play no part in extraction, so parse again without them before giving up.
    try {
      return new JSDOM(html.replace(STYLE_ELEMENT, ''), options).window.document;
    } catch {
      throw new CliError(
        `Cannot parse the page as HTML: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
