// Types for build/content-script-polyfill.mjs (imported by the unit tests).
import type { Plugin } from 'esbuild';

export const contentScriptNamespaces: string[];
export function trimApiMetadata(source: string, namespaces?: readonly string[]): string;
export function contentScriptPolyfill(): Plugin;
