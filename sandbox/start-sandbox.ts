import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { startAppServer } from './app-static-server.ts';
import { createLauncherHandler } from './launcher/ehr-launcher-page.ts';
import { startEhrServer } from './launcher/ehr-server.ts';
import { startFhirServer } from './fhir/fhir-server.ts';
import { createFhirStore } from './fhir/fhir-store.ts';
import { GrantStore } from './auth/grant-store.ts';
import { closeServer, SANDBOX_HOST } from './http-helpers.ts';
import { LaunchRegistry } from './auth/launch-registry.ts';
import { loadFhirFolder } from './data/load-fixtures.ts';
import { startOrthanc } from './pacs/orthanc-process.ts';
import { loadOwnData } from './data/own-data.ts';
import { createFaultControlHandler } from './fault-controls.ts';
import { FhirHangFaults } from './fhir/fhir-faults.ts';
import { PacsFaults } from './pacs/pacs-faults.ts';
import { startPacsGateway } from './pacs/pacs-gateway.ts';
import { listPatientSummaries } from './launcher/patient-summaries.ts';
import { loadManySeriesPatient } from './data/many-series-patient.ts';
import { loadSampleStudies, TWO_PACS_STUDY_ID } from './data/sample-studies.ts';
import { loadImagingReports } from './data/imaging-reports.ts';
import { loadStudyListPatients } from './data/study-list-patients.ts';
import type { SandboxInfo, StudyInfo } from './sandbox-info.ts';
import { DEFAULT_OPTIONS } from './sandbox-options.ts';
import type { SandboxOptions } from './sandbox-options.ts';
import {
  colourPatient,
  phantomPatient,
  PRACTITIONER_ID,
  sandboxEndpoint,
  sandboxPractitioner,
} from './data/sandbox-resources.ts';
import { createSmartAuthHandler } from './auth/smart-auth-server.ts';
import { createTokenService } from './auth/token-service.ts';

export interface RunningSandbox {
  readonly info: SandboxInfo;
  stop(): Promise<void>;
}

/** What `/app-config.json` says at run time (the same shape as public/app-config.json). */
export function runtimeAppConfig(clientId: string, fhirBase: string): Record<string, unknown> {
  return {
    clientId,
    redirectPath: '/callback',
    issuers: [{ iss: fhirBase, name: 'Sandbox EHR (FHIR R4)' }],
    imagingTokenOrigins: [],
  };
}

/**
 * Starts the whole sandbox in this process: two Orthanc PACS behind their gateways, the FHIR server, the
 * SMART authorization server with the EHR launcher, and (optionally) the built app. Everything binds to
 * 127.0.0.1. Usable from Playwright's globalSetup; main.ts is the CLI around it.
 */
export async function startSandbox(overrides: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const options: SandboxOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const { log } = options;
  const warn = (message: string): void => log(`[sandbox] warning: ${message}`);
  if (options.serveApp && !existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(
      `no built app in ${options.distDir}: run "npm run build" first, or set SANDBOX_APP=none to run the sandbox without the app`,
    );
  }
  const origin = (port: number): string => `http://${SANDBOX_HOST}:${port}`;
  const appOrigin = origin(options.appPort);
  const fhirBase = `${origin(options.fhirPort)}/fhir`;
  const ehrOrigin = origin(options.ehrPort);
  const pacsAddress = {
    a: `${origin(options.pacsAPort)}/dicom-web`,
    b: `${origin(options.pacsBPort)}/dicom-web`,
  };
  const redirectUri = `${appOrigin}/callback`;

  const cleanups: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => warn(`cleanup failed: ${String(error)}`));
    }
  };
  const serve = (server: Server): void => {
    cleanups.push(() => closeServer(server));
  };

  try {
    const [orthancA, orthancB] = await Promise.all([
      startOrthanc({
        name: 'pacs-a',
        dir: join(options.sandboxDir, 'pacs-a'),
        httpPort: options.orthancAPort,
      }),
      startOrthanc({
        name: 'pacs-b',
        dir: join(options.sandboxDir, 'pacs-b'),
        httpPort: options.orthancBPort,
      }),
    ]);
    cleanups.push(
      () => orthancA.stop(),
      () => orthancB.stop(),
    );
    const pacs = {
      a: { key: 'a' as const, restUrl: orthancA.restUrl },
      b: { key: 'b' as const, restUrl: orthancB.restUrl },
    };

    const store = createFhirStore();
    for (const resource of [
      sandboxPractitioner(),
      sandboxEndpoint('a', pacsAddress.a),
      sandboxEndpoint('b', pacsAddress.b),
      phantomPatient(),
      colourPatient(),
    ]) {
      await store.put(resource);
    }
    const studies: StudyInfo[] = [];
    if (options.loadSampleDicom) {
      studies.push(...(await loadSampleStudies(join(options.dataDir, 'dicom'), pacs, store, warn)));
      studies.push(
        ...(await loadStudyListPatients(
          join(options.dataDir, 'dicom'),
          pacs,
          store,
          `${pacsAddress.a}/iid`,
          warn,
        )),
      );
      if (process.env.SANDBOX_SYNTHETIC !== 'none')
        studies.push(...(await loadManySeriesPatient(pacs, store, warn)));
    }
    if (options.loadSampleDicom) await loadImagingReports(store);
    if (options.loadFhirFixtures) await loadFhirFolder(join(options.dataDir, 'fhir'), store, warn);
    if (options.ownDataDir) studies.push(...(await loadOwnData(options.ownDataDir, pacs, store, warn)));

    const tokens = await createTokenService({
      issuer: ehrOrigin,
      audience: fhirBase,
      ttlSeconds: options.tokenTtlSeconds,
    });
    const listPatients = () => listPatientSummaries(store.repo);
    const launches = new LaunchRegistry();
    const urls = { fhirBase, ehrOrigin, imagingEndpoints: [pacsAddress.a] };
    const grants = new GrantStore();
    const pacsFaults = { a: new PacsFaults(), b: new PacsFaults() };
    const fhirFaults = new FhirHangFaults();

    serve(
      await startPacsGateway({
        name: 'pacs-a',
        port: options.pacsAPort,
        orthancUrl: orthancA.restUrl,
        tokens,
        faults: pacsFaults.a,
      }),
    );
    serve(
      await startPacsGateway({
        name: 'pacs-b',
        port: options.pacsBPort,
        orthancUrl: orthancB.restUrl,
        faults: pacsFaults.b,
      }),
    );
    serve(await startFhirServer({ port: options.fhirPort, store, tokens, urls, faults: fhirFaults }));
    serve(
      await startEhrServer({
        port: options.ehrPort,
        tokens,
        handlers: [
          createSmartAuthHandler({
            tokens,
            grants,
            launches,
            clients: [
              { clientId: options.clientId, redirectUris: [redirectUri, ...options.extraRedirectUris] },
            ],
            fhirBase,
            practitionerId: PRACTITIONER_ID,
            listPatients,
          }),
          createLauncherHandler({ launches, appOrigin, fhirBase, listPatients }),
          createFaultControlHandler({
            revokeAccessTokens: () => tokens.revokeIssuedTokens(),
            revokeRefreshTokens: () => grants.revokeRefreshTokens(),
            pacs: pacsFaults,
            fhir: fhirFaults,
          }),
        ],
      }),
    );
    if (options.serveApp) {
      serve(
        await startAppServer({
          port: options.appPort,
          distDir: options.distDir,
          appConfig: runtimeAppConfig(options.clientId, fhirBase),
          // The deployment's policy with the sandbox's origins: the e2e suite runs every flow under it.
          csp: {
            connectSrc: [fhirBase, ehrOrigin, pacsAddress.a, pacsAddress.b],
            frameAncestors: [ehrOrigin],
          },
        }),
      );
    }

    const info: SandboxInfo = {
      app: options.serveApp ? appOrigin : null,
      launcher: `${ehrOrigin}/launcher`,
      fhir: fhirBase,
      ehr: ehrOrigin,
      clientId: options.clientId,
      redirectUri,
      pacs: pacsAddress,
      patients: (await listPatients()).map((p) => p.id),
      studies: Object.fromEntries(studies.map((study) => [study.id, study])),
      twoPacsStudy: TWO_PACS_STUDY_ID,
      tokenTtlSeconds: options.tokenTtlSeconds,
    };
    return { info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
