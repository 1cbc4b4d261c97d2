/**
 * What the page does before the app's modules are evaluated and React renders (main.tsx imports this module
 * first): asks for the data of the page in the address (api/early.ts) and, on the pages that show scores,
 * starts the analysis worker (worker/start.ts). Both then load while the main script initialises.
 */
import { parseHash } from './route.ts';
import { startPageRequests } from './api/early.ts';
import { startAnalysisWorker } from './worker/start.ts';

const route = parseHash(window.location.hash);
// the worker's script first: the server answers in the order asked, and the score waits for the script
if (route.page === 'scheme' || route.page === 'case' || route.page === 'print') startAnalysisWorker();
startPageRequests(route);

