import { parseAppConfig, type AppConfig } from '@/config/app-config';

/**
 * The app configuration the launch page read, carried across the authorization redirect in the tab's
 * sessionStorage, so the callback page starts its token request without fetching it again. Taken once:
 * a later reload of the session reads the deployment's file afresh.
 */
const CARRIED_KEY = 'imaging-viewer:app-config';

export function carryAppConfig(config: AppConfig): void {
  try {
    sessionStorage.setItem(CARRIED_KEY, JSON.stringify(config));
  } catch {
    // Storage full or refused: the callback fetches the file.
  }
}

/** The configuration carried to this page by its own tab's launch, once; null when there is none. */
export function takeCarriedAppConfig(): AppConfig | null {
  try {
    const raw = sessionStorage.getItem(CARRIED_KEY);
    if (raw === null) return null;
    sessionStorage.removeItem(CARRIED_KEY);
    return parseAppConfig(JSON.parse(raw));
  } catch {
    return null;
  }
}
