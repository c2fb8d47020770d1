import { boot } from './app/boot';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// The launch page only reads its configuration and the SMART discovery, then leaves for the EHR's
// authorize page: it loads nothing else, so that those requests go out as soon as the entry has run
// (React and the screens would arrive, and be evaluated, between them). Every other page loads the
// screens, the query client and the landing prefetch beside its first requests (the token request on
// the callback, the session restore on a reload), not before them.
const isLaunchPage = window.location.pathname === '/launch';
const loadScreens = () => import('./app/render-app');
const screens = isLaunchPage ? null : loadScreens();
const loadSessionModules = () => import('./app/session-modules');
const sessionModules = isLaunchPage ? null : loadSessionModules();

// A deep link into the viewer, or the authorization callback (which usually lands on the EHR's
// study): fetch and compile the viewer chunk while the session is restored or the token requested,
// rather than after. (Other pages do not: the study list stays light.)
const params = new URLSearchParams(window.location.search);
if (window.location.pathname === '/viewer' || (params.has('code') && params.has('state')))
  void sessionModules?.then((session) => session.preloadViewerRoute()).catch(() => undefined);

const result = await boot(window.location);
const { createQueryClient, prefetchLanding, warmRenderingEarly } = await (sessionModules ??
  loadSessionModules());
const queryClient = createQueryClient();
if (result.kind === 'session') {
  if (result.initialPath) {
    // Land where the launch pointed (a deep link or the EHR's study) before the router reads the URL.
    window.history.replaceState(null, '', result.initialPath);
  }
  // The landing screen's requests go out now, not once its chunk has arrived and rendered.
  void prefetchLanding(queryClient, result.session, window.location.pathname + window.location.search);
  if (window.location.pathname === '/viewer') warmRenderingEarly(result.session.authorizationFor);
}
// On the launch page: "Connecting to your EHR…" while the browser goes to its authorize page, or the
// launch's error.
const { renderApp } = await (screens ?? loadScreens());
renderApp(root, result, queryClient);
