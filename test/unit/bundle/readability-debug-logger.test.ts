// Readability's debug logger is left out of the extension (build/vendor-patches.mjs,
// readability-debug-logger-out): content.js carries none of it, and the patched Readability reads a page the
// same with `debug` set as without, logging nothing (the extension never sets `debug`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import {
  comparableResult,
  extensionOptions,
  loadReadability,
  patchedReadabilitySource,
} from '../../bench/speed/readability-variants';

const repoRoot = join(__dirname, '..', '..', '..');
const logPrefix = 'Reader: (Readability)';

describe("Readability's debug logger", () => {
  it('is not in content.js', () => {
    const installed = readFileSync(
      join(repoRoot, 'node_modules', '@mozilla', 'readability', 'Readability.js'),
      'utf8',
    );
    expect(installed).toContain(logPrefix);
    const content = execFileSync(
      process.execPath,
      [join(__dirname, 'extension-bundle.mjs'), 'content.js'],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    expect(content).not.toContain(logPrefix);
  });

  it('patched: `debug` logs nothing and changes nothing', () => {
    const Readability = loadReadability(patchedReadabilitySource(repoRoot, []));
    const html = `<html><head><title>A story</title></head><body><article><h1>A story</h1>
      <p>${'Words that make this an article worth reading, with commas. '.repeat(30)}</p>
      <div class="share">Share this</div>
      <p>${'More words that make this an article worth reading. '.repeat(30)}</p>
      </article></body></html>`;
    const parse = (debug: boolean): unknown => {
      const { window } = new JSDOM(html, {
        url: 'https://example.test/story',
        virtualConsole: new VirtualConsole(),
      });
      const result = comparableResult(
        new Readability(window.document, { ...extensionOptions, debug }).parse(),
      );
      window.close();
      return result;
    };
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const quiet = parse(false);
      expect(quiet).toMatchObject({ title: 'A story', content: expect.stringContaining('worth') });
      expect(parse(true)).toEqual(quiet);
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});
