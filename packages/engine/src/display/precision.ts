/**
 * The decimal places a computed number is shown at when the caller does not say: the scheme's rounding
 * places (`rounding.places`) while its sheet is being computed and while a trace of that sheet writes
 * its text; DEFAULT_PLACES otherwise.
 *
 * Why ambient: a rule writes its arithmetic lines as closures (`() => \`… = ${showNumber(raw)}分\``) that
 * run only when someone reads the trace, far from the scheme. `evaluate` and the traces it makes set the
 * places around that work (`withDisplayPlaces`), so the lines show unrounded values at their own
 * scheme's precision without every rule passing the places along. Synchronous: restored on return.
 */

/** The places used outside any scheme's work (the schemes of the seeds all round to 2). */
export const DEFAULT_PLACES = 2;

let current = DEFAULT_PLACES;

/** Runs fn with numbers shown at `places` (a scheme's rounding places) and returns its result. */
export function withDisplayPlaces<T>(places: number, fn: () => T): T {
  if (places === current) return fn();
  const saved = current;
  current = places;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/** The places in force: the scheme's whose sheet or trace is being written, else DEFAULT_PLACES. */
export function displayPlaces(): number {
  return current;
}
