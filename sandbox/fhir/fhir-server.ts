import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { applyCors } from '../cors.ts';
import { buildSearchLinks, normalizePaging, withSearchLinks } from './fhir-paging.ts';
import { medplumSearchParams } from './fhir-search-shortcuts.ts';
import type { FhirHangFaults } from './fhir-faults.ts';
import type { FhirStore } from './fhir-store.ts';
import { listen, requestUrl, safeHandler, sendJson } from '../http-helpers.ts';
import { getStatus } from './medplum.ts';
import { capabilityStatement, smartConfiguration } from '../auth/smart-configuration.ts';
import type { SmartServerUrls } from '../auth/smart-configuration.ts';
import type { TokenService } from '../auth/token-service.ts';

const FHIR_JSON = 'application/fhir+json';
const FHIR_PATH = '/fhir';
/** `/{ResourceType}`: a type-level search, the only searches the app makes. */
const TYPE_SEARCH = /^\/[A-Z][A-Za-z]+\/?$/;

function outcome(code: OperationOutcome['issue'][number]['code'], text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] };
}

export interface FhirServerOptions {
  readonly port: number;
  readonly store: FhirStore;
  readonly tokens: TokenService;
  readonly urls: SmartServerUrls;
  /** Lets a test make a search page hang (see fault-controls.ts). */
  readonly faults?: FhirHangFaults;
}

/**
 * HTTP face of medplum's in-memory FHIR router: adds what the router leaves to its host (CORS,
 * `/metadata`, SMART discovery, bearer-token checks, `Bundle.link` paging). Read-only: GET and HEAD.
 */
export async function startFhirServer(options: FhirServerOptions): Promise<Server> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (applyCors(req, res)) return;
    const url = requestUrl(req);
    if (url.pathname !== FHIR_PATH && !url.pathname.startsWith(`${FHIR_PATH}/`)) {
      sendJson(res, 404, outcome('not-found', `FHIR lives under ${options.urls.fhirBase}`), FHIR_JSON);
      return;
    }
    const path = url.pathname.slice(FHIR_PATH.length) || '/';
    await options.faults?.wait(`${path}${url.search}`, req);
    if (res.destroyed) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, outcome('not-supported', 'the sandbox FHIR server is read-only'), FHIR_JSON);
      return;
    }
    if (path === '/metadata') {
      sendJson(res, 200, capabilityStatement(options.urls), FHIR_JSON);
      return;
    }
    if (path === '/.well-known/smart-configuration') {
      sendJson(res, 200, smartConfiguration(options.urls));
      return;
    }
    const bearer = await options.tokens.checkBearer(req.headers.authorization);
    if (!bearer.ok) {
      sendJson(res, 401, outcome('login', `a valid access token is required (${bearer.reason})`), FHIR_JSON, {
        'WWW-Authenticate': `Bearer realm="fhir", error="invalid_token", error_description="${bearer.reason.replaceAll('"', "'")}"`,
      });
      return;
    }
    await routeToMedplum(options, path, url.searchParams, res);
  };
  const server = createServer(safeHandler('fhir', handle));
  await listen(server, options.port);
  return server;
}

async function routeToMedplum(
  options: FhirServerOptions,
  path: string,
  params: URLSearchParams,
  res: ServerResponse,
): Promise<void> {
  const isSearch = TYPE_SEARCH.test(path);
  const page = isSearch ? normalizePaging(params) : undefined;
  const query = (
    isSearch ? medplumSearchParams(path.replace(/\//g, ''), params, options.store.identifiers) : params
  ).toString();
  const [result, resource] = await options.store.router.handleRequest(
    {
      method: 'GET',
      url: query ? `${path}?${query}` : path,
      // medplum wants the query in `url` and fills pathname/params/query itself.
      pathname: '',
      params: {},
      query: {},
      body: undefined,
    },
    options.store.repo,
  );
  const status = getStatus(result);
  if (!resource) {
    sendJson(res, status, result, FHIR_JSON);
    return;
  }
  if (page && resource.resourceType === 'Bundle' && resource.type === 'searchset') {
    const bundle: Bundle = resource;
    const searchUrl = `${options.urls.fhirBase}${path.replace(/\/$/, '')}`;
    const links = buildSearchLinks(searchUrl, params, page, bundle.total ?? 0);
    sendJson(res, status, withSearchLinks(bundle, links), FHIR_JSON);
    return;
  }
  sendJson(res, status, resource, FHIR_JSON);
}
