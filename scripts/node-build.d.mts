/** Types of node-build.mjs: the CLI and the server built once into JavaScript (esbuild), rebuilt when stale. */

/** A program that is built: `cli` (packages/cli/dist/jixiao.mjs) or `server` (packages/server/dist/main.mjs). */
export type BuildTarget = 'cli' | 'server';

/** Where to build (tests), and where the "building…" line goes (default stderr). */
export interface BuildOptions {
  /** another output folder than the target's dist/ */
  outdir?: string;
  log?: (message: string) => void;
}

/** The programs, their entry points and output folders (relative to the repository root). */
export declare const TARGETS: Record<BuildTarget, { entry: string; outdir: string; out: string }>;
/** True when the build is missing, or older than a file it was made from, the lockfile or node-build.mjs. */
export declare function buildStale(name: BuildTarget, options?: BuildOptions): boolean;
/** Builds now; returns the path of the built entry point. */
export declare function buildTarget(name: BuildTarget, options?: BuildOptions): Promise<string>;
/** The built entry point, (re)built first when missing or stale. */
export declare function ensureBuilt(name: BuildTarget, options?: BuildOptions): Promise<string>;
