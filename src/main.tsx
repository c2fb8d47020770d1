import { boot } from './app/boot';
import { prefetchLanding } from './app/prefetch-landing';
import { preloadViewerRoute, warmRenderingEarly } from './app/preload-viewer-route';
import { createQueryClient } from './lib/query-client';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// React and the screens load beside the launch's first requests instead of being evaluated before them.
const screens = import('./app/render-app');

// A deep link into the viewer, or the authorization callback (which usually lands on the EHR's
// study): fetch and compile the viewer chunk while the session is restored or the token requested,
// rather than after. (Other pages do not: the study list stays light.)
const params = new URLSearchParams(window.location.search);
if (window.location.pathname === '/viewer' || (params.has('code') && params.has('state')))
  void preloadViewerRoute().catch(() => undefined);

const result = await boot(window.location);
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
const { renderApp } = await screens;
renderApp(root, result, queryClient);
