/**
 * A browser-like DOM for component tests: import this module FIRST in a test file. It uses the
 * editor's own jsdom (27, which runs on Node 20) and installs its window on the global object the
 * way Vitest's jsdom environment does. (Vitest's built-in `jsdom` environment imports jsdom from
 * Vitest's own location, where the workspace resolves a jsdom that needs Node 22; a docblock can
 * only name environments, not files.)
 */
import { JSDOM } from 'jsdom';
import { populateGlobal } from 'vitest/runtime';

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { url: 'http://localhost:3000/', pretendToBeVisual: true });
populateGlobal(globalThis as unknown as Record<string, unknown>, dom.window, { bindFunctions: true });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
