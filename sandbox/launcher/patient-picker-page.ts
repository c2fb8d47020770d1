import { escapeHtml } from '../http-helpers.ts';
import type { PatientSummary } from './patient-summaries.ts';

/** Standalone launch: the sandbox user picks the patient; the link returns to /authorize with the choice. */
export function renderPatientPicker(
  patients: readonly PatientSummary[],
  authorizeUrl: URL,
  param: string,
): string {
  const items = patients
    .map((patient) => {
      const target = new URL(authorizeUrl);
      target.searchParams.set(param, patient.id);
      const href = `${target.pathname}${target.search}`;
      return `<li><a data-testid="pick-${escapeHtml(patient.id)}" href="${escapeHtml(href)}">${escapeHtml(patient.name)}</a> <small>(${escapeHtml(patient.id)}, ${patient.studies.length} imaging studies)</small></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Select a patient</title></head>
<body><h1>Sandbox EHR: select a patient</h1>
<p>The app asked for a patient context (<code>launch/patient</code>).</p>
<ul>${items}</ul></body></html>`;
}
