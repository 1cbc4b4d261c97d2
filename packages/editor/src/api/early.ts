/**
 * GET requests started as soon as the page script runs (main.tsx, before React's first render), for the
 * first component that asks for the same URL (`fetchFirst`). Without them each request waited for React to
 * render the component that makes it, behind the login check (`/api/session`), and the opening case
 * behind the case list. Only what the page in the address asks for at once is started (`startPageRequests`).
 *
 * An early response is handed out once, only within FRESH_MS of its start and only when it succeeded (a
 * refusal — nobody signed in yet — is asked again by the component, after the login).
 */
import { caseUrl, requestInit } from './client.ts';
import { SESSION_URL, sessionInit } from '../session/session-api.ts';
import { defaultCase, rememberedCase } from '../state/default-case.ts';
import type { ListCasesResponse } from './types.ts';
import type { Route } from '../route.ts';

/** How long an early response may wait for its component (ms); after that the component asks again. */
const FRESH_MS = 10_000;

const early = new Map<string, { at: number; response: Promise<Response> }>();

/** Starts a GET of `url` now, for `fetchFirst`; returns the response. */
function startEarly(url: string, init: RequestInit): Promise<Response> {
  const response = fetch(url, init);
  // a failure is the component's to report, when it asks itself
  response.catch(() => undefined);
  early.set(url, { at: performance.now(), response });
  return response;
}

/**
 * The response to a GET of `url`: the early one when it was started less than FRESH_MS ago and succeeded
 * (once), else a new request with `init`.
 */
export async function fetchFirst(url: string, init: RequestInit): Promise<Response> {
  const e = early.get(url);
  if (e) {
    early.delete(url);
    if (performance.now() - e.at < FRESH_MS) {
      const r = await e.response.catch(() => null);
      if (r?.ok) return r;
    }
  }
  return fetch(url, init);
}

/**
 * Starts the requests the page in the address waits for before its first score: who is signed in, and on a
 * scheme page (`#/scheme/<family>/<year>`) the scheme, the family's cases and the case the page opens with
 * (the user's remembered choice or `defaultCase`, once the list has come). The list of every scheme (the version bar) is left to its
 * component: asked early, it would hold up these answers at the server.
 */
export function startPageRequests(route: Route): void {
  startEarly(SESSION_URL, sessionInit('GET'));
  if (route.page !== 'scheme') return;
  const enc = encodeURIComponent;
  startEarly(`/api/schemes/${enc(route.family)}/${enc(route.year)}`, requestInit('GET'));
  startEarly(`/api/families/${enc(route.family)}/cases`, requestInit('GET'))
    .then((r) => (r.ok ? (r.clone().json() as Promise<ListCasesResponse>) : null))
    .then((list) => {
      if (!list) return;
      // the user's remembered choice, else the first ranked case (most often the one that can be scored)
      const mine = rememberedCase(route.family, route.year);
      const c = mine ? list.cases.find((x) => `${x.year}/${x.id}` === mine) : mine === '' ? undefined : defaultCase(list.cases, route.year);
      if (c) startEarly(caseUrl(route.family, c.year, c.id), requestInit('GET'));
    })
    .catch(() => undefined);
}
