// Readability.js as the extension bundles it (build/vendor-patches.mjs applied to the installed source), with
// some patches left out: what the speed patches are proven and measured against. Used by
// readability-identical.ts (same output on every dataset page, in jsdom), readability-patches.ts (time in
// Chromium) and test/unit/bundle/readability-speed-patches.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readability } from '@mozilla/readability';
import { applyPatches, vendorPatchList, type VendorPatch } from '../../../build/vendor-patches.mjs';

export type ReadabilityClass = typeof Readability;

const readabilityFile = ['node_modules', '@mozilla', 'readability', 'Readability.js'];

/** Readability.js's patches, in build order. */
export function readabilityPatches(): readonly VendorPatch[] {
  const entry = vendorPatchList['@mozilla/readability']?.['Readability.js'];
  if (entry === undefined) throw new Error('build/vendor-patches.mjs lists no Readability.js');
  return entry.patches;
}

/** Names of the patches marked `speed` (faster, same results); a patch of several parts shares one name. */
export function speedPatchNames(): string[] {
  const names = readabilityPatches()
    .filter((patch) => patch.speed === true)
    .map((patch) => patch.name);
  return [...new Set(names)];
}

/** The installed Readability.js with every patch of the build except those named in `leaveOut`. */
export function patchedReadabilitySource(repoRoot: string, leaveOut: readonly string[]): string {
  const known = new Set(readabilityPatches().map((patch) => patch.name));
  const unknown = leaveOut.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`no Readability patch named ${unknown.join(', ')}`);
  const source = readFileSync(join(repoRoot, ...readabilityFile), 'utf8');
  const patches = readabilityPatches().filter((patch) => !leaveOut.includes(patch.name));
  return applyPatches(source, patches, '@mozilla/readability/Readability.js');
}

/**
 * Loads a Readability.js source text as a CommonJS module (it ends with `module.exports = Readability`).
 * The <noscript> patch calls the global DOMParser: set it to the page window's before parse().
 */
export function loadReadability(source: string): ReadabilityClass {
  const folder = mkdtempSync(join(tmpdir(), 'broadsheet-readability-'));
  try {
    const file = join(folder, 'Readability.cjs');
    writeFileSync(file, source);
    // createRequire: this module runs as ESM under tsx and as CommonJS under jest.
    return createRequire(file)(file) as ReadabilityClass;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The options extract() gives Readability (src/extraction/index.ts): no class kept, the article as a node. */
export const extensionOptions = {
  keepClasses: false,
  serializer: (node: Node): Node => node,
} as const;

/** Everything parse() returned, the article as HTML (its outerHTML when it is a node), for comparing runs. */
export function comparableResult(result: object | null): Record<string, unknown> | null {
  if (result === null) return null;
  const fields: Record<string, unknown> = { ...result };
  const content = fields.content as { outerHTML?: unknown } | null | undefined;
  if (typeof content === 'object' && content !== null && typeof content.outerHTML === 'string') {
    fields.content = content.outerHTML;
  }
  return fields;
}

/**
 * `Readability` with extract()'s options on the page in `window`, while the global DOMParser is that
 * window's (the <noscript> patch calls it): comparableResult of parse(), and how many attempts it made
 * (its retries from the page cache).
 */
export function parseComparable(
  Readability: ReadabilityClass,
  window: { document: Document; DOMParser: unknown },
): { result: Record<string, unknown> | null; retries: number } {
  const global = globalThis as { DOMParser?: unknown };
  const saved = global.DOMParser;
  global.DOMParser = window.DOMParser;
  try {
    const reader = new Readability(window.document, extensionOptions);
    const result = comparableResult(reader.parse());
    return { result, retries: (reader as unknown as { _attempts: unknown[] })._attempts.length };
  } finally {
    global.DOMParser = saved;
  }
}
