import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadViewerRoute } from './app/preload-viewer-route';
import { boot } from './app/boot';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// A deep link into the viewer: fetch and compile the viewer chunk while the session is restored,
// rather than after. (Only when the URL already says /viewer: the study list stays light.)
if (window.location.pathname === '/viewer') void preloadViewerRoute();

const result = await boot(window.location);
if (result.kind === 'session' && result.initialPath) {
  // Land where the launch pointed (a deep link or the EHR's study) before the router reads the URL.
  window.history.replaceState(null, '', result.initialPath);
}
createRoot(root).render(
  <StrictMode>
    <App boot={result} />
  </StrictMode>,
);
