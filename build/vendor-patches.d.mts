// Types for build/vendor-patches.mjs (plain JavaScript, run by Node in the build), for the tests.
import type { Plugin } from 'esbuild';

export interface VendorPatch {
  /** Named in build errors. */
  readonly name: string;
  /** Why the patch exists and why it keeps the library's behaviour. */
  readonly reason: string;
  /** Exact source text, expected exactly once in the file (or `count` times). */
  readonly find: string;
  readonly replace: string;
  /** For a patch of every occurrence: how many the file has (the build fails on any other number). */
  readonly count?: number;
  /** Only makes the library faster, with the same results (proven and measured: see the list's comment). */
  readonly speed?: boolean;
}

export interface VendorFile {
  /** For a file that needs no patch: why. */
  readonly why?: string;
  readonly patches: readonly VendorPatch[];
}

/** Package name -> file inside the package (with '/') -> its patches. */
export type VendorPatchList = Record<string, Record<string, VendorFile>>;

export const vendorPatchList: VendorPatchList;

export function applyPatches(
  source: string,
  patches: readonly VendorPatch[],
  label: string,
): string;

export function vendorPatches(root: string, list?: VendorPatchList): Plugin;
