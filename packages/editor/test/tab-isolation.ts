/**
 * Each test of a file starts as a new browser tab: empty localStorage and sessionStorage, the tab id and its
 * lock forgotten (`resetTabForTests`), and ends unmounted with stubbed globals restored. Shared by the tests of
 * the per-tab stashes (local-draft, case-stash).
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { resetTabForTests } from '../src/state/local-draft.ts';

/** Registers the before/after hooks described above for the calling test file. */
export function isolateTabs(): void {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    resetTabForTests();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    resetTabForTests();
  });
}
