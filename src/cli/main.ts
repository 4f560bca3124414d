// `broadsheet` command line: `broadsheet extract PAGE.html --url URL [--format json|html|text] [--time-budget MS]`,
// `broadsheet detect PAGE.html --url URL`. Each subcommand lives in its own module.
import { runExtractCommand } from './extract-command';
import { runDetectCommand } from './detect-command';

const USAGE = `Usage:
  broadsheet extract [PAGE.html|-] [--url URL] [--format json|html|text] [--time-budget MS]
  broadsheet detect  [PAGE.html|-] [--url URL]
Reads the page from standard input when no file (or "-") is given. With --time-budget, extract
refuses pages beyond any article's size and stops after MS milliseconds (default: no limit).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract':
      return runExtractCommand(rest);
    case 'detect':
      return runDetectCommand(rest);
    case '-h':
    case '--help':
    case undefined:
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`broadsheet: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`broadsheet: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
