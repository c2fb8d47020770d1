import { createHash, randomBytes } from 'node:crypto';
import type { SandboxInfo } from '../../sandbox/sandbox-info';

/**
 * A test's own view of the FHIR data, obtained the way any SMART client must: a launch from the
 * sandbox EHR, the authorization code flow with PKCE S256, then FHIR searches with the token. The
 * expected values of the e2e tests come from here, never from the app under test.
 */
export class FhirTestClient {
  private constructor(
    private readonly sandbox: SandboxInfo,
    private readonly accessToken: string,
  ) {}

  static async forPatient(sandbox: SandboxInfo, patientId: string): Promise<FhirTestClient> {
    const launchResponse = await fetch(`${sandbox.ehr}/api/launch?patient=${encodeURIComponent(patientId)}`);
    const { launchUrl } = (await launchResponse.json()) as { launchUrl: string };
    const launch = new URL(launchUrl).searchParams.get('launch') ?? '';
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = new URL(`${sandbox.ehr}/authorize`);
    for (const [name, value] of Object.entries({
      response_type: 'code',
      client_id: sandbox.clientId,
      redirect_uri: sandbox.redirectUri,
      scope: 'launch patient/Patient.rs patient/ImagingStudy.rs patient/Endpoint.rs',
      state: randomBytes(8).toString('hex'),
      aud: sandbox.fhir,
      launch,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })) {
      authorize.searchParams.set(name, value);
    }
    const redirect = await fetch(authorize, { redirect: 'manual' });
    const code = new URL(redirect.headers.get('location') ?? '', sandbox.redirectUri).searchParams.get(
      'code',
    );
    if (!code) throw new Error(`The sandbox EHR issued no code (HTTP ${redirect.status}).`);
    const token = await fetch(`${sandbox.ehr}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: sandbox.redirectUri,
        client_id: sandbox.clientId,
        code_verifier: verifier,
      }),
    });
    const body = (await token.json()) as { access_token?: string };
    if (!body.access_token) throw new Error('The sandbox EHR issued no access token.');
    return new FhirTestClient(sandbox, body.access_token);
  }

  async read<T>(path: string): Promise<T> {
    const response = await fetch(`${this.sandbox.fhir}/${path}`, {
      headers: { Authorization: `Bearer ${this.accessToken}`, Accept: 'application/fhir+json' },
    });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  /** Every ImagingStudy of the patient, following `next` links. */
  async imagingStudies(patientId: string): Promise<FhirImagingStudy[]> {
    const studies: FhirImagingStudy[] = [];
    let url: string | null = `${this.sandbox.fhir}/ImagingStudy?patient=${encodeURIComponent(patientId)}`;
    while (url) {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${this.accessToken}` } });
      const bundle = (await response.json()) as SearchBundle;
      for (const entry of bundle.entry ?? [])
        if (entry.resource?.resourceType === 'ImagingStudy') studies.push(entry.resource);
      url = bundle.link?.find((link) => link.relation === 'next')?.url ?? null;
    }
    return studies;
  }
}

export interface FhirImagingStudy {
  resourceType: 'ImagingStudy';
  id: string;
  started?: string;
  description?: string;
  modality?: { code?: string }[];
  series?: { uid: string; modality?: { code?: string } }[];
  identifier?: { system?: string; value?: string; type?: { coding?: { code?: string }[] } }[];
  status?: string;
  numberOfSeries?: number;
  numberOfInstances?: number;
  procedureCode?: { text?: string; coding?: { display?: string }[] }[];
  endpoint?: { reference?: string }[];
}

interface SearchBundle {
  entry?: { resource?: FhirImagingStudy }[];
  link?: { relation: string; url: string }[];
}
