import { randomBytes } from 'node:crypto';

/** What the EHR knows at launch time and hands to the app through the token response. */
export interface LaunchContext {
  readonly patient: string;
  /** e.g. `ImagingStudy/phantom-ct`: the study the clinician opened the app from. */
  readonly fhirContext?: string;
  readonly needPatientBanner: boolean;
  readonly encounter?: string;
}

/**
 * Launch ids are opaque random strings (like a real EHR's) so an app cannot forge a context;
 * the registry lives as long as the sandbox.
 */
export class LaunchRegistry {
  private readonly launches = new Map<string, LaunchContext>();

  register(context: LaunchContext): string {
    const id = randomBytes(12).toString('base64url');
    this.launches.set(id, context);
    return id;
  }

  lookup(id: string): LaunchContext | undefined {
    return this.launches.get(id);
  }
}
