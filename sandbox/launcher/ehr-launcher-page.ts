import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, requestUrl, sendHtml, sendJson } from '../http-helpers.ts';
import type { LaunchContext, LaunchRegistry } from '../auth/launch-registry.ts';
import { renderEmbeddedEhr } from './embedded-ehr-page.ts';
import type { PatientSummary } from './patient-summaries.ts';

export interface LauncherDeps {
  readonly launches: LaunchRegistry;
  readonly appOrigin: string;
  readonly fhirBase: string;
  readonly listPatients: () => Promise<PatientSummary[]>;
}

export function buildLaunchUrl(deps: LauncherDeps, context: LaunchContext): string {
  const url = new URL('/launch', deps.appOrigin);
  url.searchParams.set('iss', deps.fhirBase);
  url.searchParams.set('launch', deps.launches.register(context));
  return url.toString();
}

function link(testId: string, href: string, text: string): string {
  return `<a data-testid="${escapeHtml(testId)}" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

function renderLauncher(deps: LauncherDeps, patients: readonly PatientSummary[]): string {
  const rows = patients
    .map((patient) => {
      const launch = (context: Omit<LaunchContext, 'patient'>): string =>
        buildLaunchUrl(deps, { patient: patient.id, ...context });
      const studies = patient.studies
        .map(
          (study) =>
            `<li>${link(`launch-${patient.id}-study-${study.id}`, launch({ needPatientBanner: true, fhirContext: `ImagingStudy/${study.id}` }), `Open study ${study.description}`)} <small>(ImagingStudy/${escapeHtml(study.id)}${study.started ? `, ${escapeHtml(study.started)}` : ''})</small></li>`,
        )
        .join('');
      return `<tr data-testid="patient-${escapeHtml(patient.id)}">
<td>${escapeHtml(patient.name)}</td><td><code>${escapeHtml(patient.id)}</code></td><td>${patient.studies.length}</td>
<td>${link(`launch-${patient.id}`, launch({ needPatientBanner: true }), `Launch ${patient.name}`)}<br>
${link(`launch-${patient.id}-no-banner`, launch({ needPatientBanner: false }), 'Launch without patient banner (need_patient_banner=false)')}<br>
${link(`launch-${patient.id}-embedded`, `/embedded?${new URLSearchParams({ patient: patient.id }).toString()}`, 'Launch embedded in the EHR page (iframe)')}
<ul>${studies}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sandbox EHR launcher</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}a{display:inline-block;min-height:24px;line-height:24px}</style>
</head><body>
<h1>Sandbox EHR launcher</h1>
<p>Each link launches the imaging viewer (SMART EHR launch) with a fresh launch id. FHIR base: <code>${escapeHtml(deps.fhirBase)}</code></p>
<table><thead><tr><th>Patient</th><th>id</th><th>Imaging studies</th><th>Launch</th></tr></thead>
<tbody>${rows}</tbody></table>
</body></html>`;
}

/**
 * `GET /launcher` (HTML for people and Playwright), `GET /api/launch` (JSON for tests) and
 * `GET /embedded` (the EHR page with the app in an iframe). The last two take `patient`, and
 * optionally `study` (an ImagingStudy id for fhirContext), `banner=false` and `encounter`.
 */
export function createLauncherHandler(deps: LauncherDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET') return false;
    const url = requestUrl(req);
    if (url.pathname === '/launcher' || url.pathname === '/') {
      sendHtml(res, 200, renderLauncher(deps, await deps.listPatients()));
      return true;
    }
    if (url.pathname !== '/api/launch' && url.pathname !== '/embedded') return false;
    const requested = url.searchParams.get('patient');
    const patient = (await deps.listPatients()).find((p) => p.id === requested);
    if (!patient) {
      sendJson(res, 400, { error: `unknown patient "${requested ?? ''}"` });
      return true;
    }
    const study = url.searchParams.get('study');
    const encounter = url.searchParams.get('encounter');
    const launchUrl = buildLaunchUrl(deps, {
      patient: patient.id,
      needPatientBanner: url.searchParams.get('banner') !== 'false',
      ...(study ? { fhirContext: study.includes('/') ? study : `ImagingStudy/${study}` } : {}),
      ...(encounter ? { encounter } : {}),
    });
    if (url.pathname === '/embedded') sendHtml(res, 200, renderEmbeddedEhr(patient, launchUrl));
    else sendJson(res, 200, { launchUrl });
    return true;
  };
}
