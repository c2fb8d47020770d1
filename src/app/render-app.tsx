import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import type { Boot } from './boot';

/**
 * React and the screens, in a chunk of their own: the entry sends the launch's first requests (the
 * configuration, the SMART discovery, the token) without evaluating them first, and they load meanwhile.
 */
export function renderApp(root: HTMLElement, boot: Boot, queryClient: QueryClient): void {
  createRoot(root).render(
    <StrictMode>
      <App boot={boot} queryClient={queryClient} />
    </StrictMode>,
  );
}
