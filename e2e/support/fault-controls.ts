import type { SandboxInfo } from '../../sandbox/sandbox-info';

/**
 * The sandbox EHR's fault controls (sandbox/README.md): real revocations, a busy, stopped or slow PACS,
 * a hung FHIR page, caused in the real servers on demand.
 */
export async function fault(sandbox: SandboxInfo, path: string): Promise<void> {
  const response = await fetch(`${sandbox.ehr}/api/faults/${path}`, { method: 'POST' });
  if (!response.ok) throw new Error(`fault ${path}: HTTP ${response.status} ${await response.text()}`);
}

/** Every PACS and FHIR fault ended: the suite shares one sandbox, so each test leaves it as it found it. */
export function resetFaults(sandbox: SandboxInfo): Promise<void> {
  return fault(sandbox, 'reset');
}
