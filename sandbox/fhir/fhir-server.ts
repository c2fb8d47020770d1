import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { applyCors } from '../cors.ts';
import { accessFor, filterBundle, mayRead, narrowSearch, type TokenClaims } from './fhir-access.ts';
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
    await routeWithAccess(options, bearer.token, path, url.searchParams, res);
  };
  const server = createServer(safeHandler('fhir', handle));
  await listen(server, options.port);
  return server;
}

/**
 * The token's scopes and patient context decide (see fhir-access.ts): a type search is narrowed to
 * the patient before it runs and its `_include`d entries are checked one by one; a read of another
 * patient's resource is refused; anything else needs a user- or system-level scope.
 */
async function routeWithAccess(
  options: FhirServerOptions,
  token: TokenClaims,
  path: string,
  params: URLSearchParams,
  res: ServerResponse,
): Promise<void> {
  const links = options.store.patientLinks;
  const forbidden = (reason: string) => sendJson(res, 403, outcome('forbidden', reason), FHIR_JSON);
  const [, type = '', id, ...rest] = path.split('/');
  if (TYPE_SEARCH.test(path)) {
    const access = accessFor(token, type, 'search');
    if (access.kind === 'denied') return forbidden(access.reason);
    const narrowed = access.kind === 'patient' ? narrowSearch(type, params, access.patient, links) : params;
    if (!(narrowed instanceof URLSearchParams)) return forbidden(narrowed.refused);
    return routeToMedplum(options, path, narrowed, res, (bundle) => filterBundle(bundle, token, links));
  }
  if (id && rest.length === 0) {
    // A Binary is judged by its securityContext once read; every other type by its scopes first.
    const access = type === 'Binary' ? null : accessFor(token, type, 'read');
    if (access?.kind === 'denied') return forbidden(access.reason);
    return routeToMedplum(options, path, params, res, undefined, (resource) =>
      mayRead(token, resource, links)
        ? null
        : access?.kind === 'patient'
          ? `this token may read Patient/${access.patient}'s records only`
          : "this token's scopes do not allow reading this resource",
    );
  }
  // History, compartments, operations: only for a token that may read the whole type.
  if (accessFor(token, type || '*', 'read').kind !== 'all') {
    return forbidden('a patient-scoped token may only read and search resource types');
  }
  return routeToMedplum(options, path, params, res);
}

async function routeToMedplum(
  options: FhirServerOptions,
  path: string,
  params: URLSearchParams,
  res: ServerResponse,
  filterSearch: (bundle: Bundle) => Bundle = (bundle) => bundle,
  refuseRead: (resource: Resource) => string | null = () => null,
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
    const bundle: Bundle = filterSearch(resource);
    const searchUrl = `${options.urls.fhirBase}${path.replace(/\/$/, '')}`;
    const links = buildSearchLinks(searchUrl, params, page, bundle.total ?? 0);
    sendJson(res, status, withSearchLinks(bundle, links), FHIR_JSON);
    return;
  }
  const refused = isSearch ? null : refuseRead(resource);
  if (refused) {
    sendJson(res, 403, outcome('forbidden', refused), FHIR_JSON);
    return;
  }
  sendJson(res, status, resource, FHIR_JSON);
}
