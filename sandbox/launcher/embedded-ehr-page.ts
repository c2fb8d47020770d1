import { escapeHtml } from '../http-helpers.ts';
import type { PatientSummary } from './patient-summaries.ts';

/** The name of the app's frame on the embedded EHR page (tests find the frame by it). */
export const EMBEDDED_APP_FRAME = 'smart-app';

/**
 * The EHR page with the app inside it, as EHRs (and smart-launcher-v2's "embedded" launch) show SMART
 * apps: the EHR's own header around an iframe whose first page is the app's launch URL. Everything
 * after that (authorize, callback, list, viewer, reloads) happens inside the frame.
 */
export function renderEmbeddedEhr(patient: PatientSummary, launchUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sandbox EHR: ${escapeHtml(patient.name)}</title>
<style>
html,body{height:100%;margin:0}body{display:flex;flex-direction:column;font-family:system-ui,sans-serif}
header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;background:#1d3557;color:#fff}
header a{color:#fff}iframe{flex:1;width:100%;border:0}
</style></head><body>
<header data-testid="ehr-header"><strong>Sandbox EHR</strong>
<span>Patient: ${escapeHtml(patient.name)} (<code>${escapeHtml(patient.id)}</code>)</span>
<a href="/launcher">Back to the launcher</a></header>
<iframe name="${EMBEDDED_APP_FRAME}" title="Imaging viewer" data-testid="embedded-app"
 src="${escapeHtml(launchUrl)}" allow="fullscreen; clipboard-write"></iframe>
</body></html>`;
}
