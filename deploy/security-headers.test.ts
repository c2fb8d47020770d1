import { describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  contentSecurityPolicy,
  cspOriginsFromAppConfig,
  originOf,
  securityHeaders,
} from './security-headers.mjs';

describe('the deployment CSP', () => {
  it('is the strict policy, with origins (not paths) sorted and once each', () => {
    expect(
      contentSecurityPolicy({
        connectSrc: [
          'https://pacs.example.org/dicom-web',
          'https://ehr.example.org/fhir',
          'https://ehr.example.org/token',
        ],
        frameAncestors: ['https://ehr.example.org/launcher'],
      }),
    ).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
        "connect-src 'self' https://ehr.example.org https://pacs.example.org; img-src 'self' data: blob:; " +
        "style-src 'self'; style-src-attr 'unsafe-inline'; frame-ancestors https://ehr.example.org; " +
        "base-uri 'none'; form-action 'none'; " +
        "object-src 'none'",
    );
  });

  it("lets no one frame the app when no EHR is named, and never allows 'unsafe-eval' or inline code", () => {
    const policy = contentSecurityPolicy({ connectSrc: [], frameAncestors: [] });
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toMatch(/'unsafe-eval'|\*/);
    // Inline style attributes only (Cornerstone's labels): no inline script, no <style> element.
    expect(policy.split('; ').filter((directive) => directive.includes("'unsafe-inline'"))).toEqual([
      "style-src-attr 'unsafe-inline'",
    ]);
  });

  it('refuses what is not an http(s) URL rather than writing a broken policy', () => {
    expect(originOf('https://pacs.example.org:8443/wado?x=1')).toBe('https://pacs.example.org:8443');
    expect(() => originOf('pacs.example.org')).toThrow(/not a URL/);
    expect(() => originOf('javascript:alert(1)')).toThrow(/not an http/);
    expect(() =>
      contentSecurityPolicy({ connectSrc: ['https://x.org; script-src *'], frameAncestors: [] }),
    ).toThrow();
  });

  it('comes with nosniff, no referrer and the permissions the app does not use switched off', () => {
    const headers = securityHeaders({ connectSrc: [], frameAncestors: [] });
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*microphone=\(\).*clipboard-write=\(self\)/);
  });

  it('caches hashed assets for a year and makes everything else revalidate', () => {
    expect(cacheControlFor('/assets/index-BXvvmOOn.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/app-config.json', '/viewer'])
      expect(cacheControlFor(path)).toBe('no-cache');
  });
});

describe('the policy origins of an app-config.json', () => {
  const config = {
    clientId: 'imaging-viewer',
    issuers: [{ iss: 'https://ehr.example.org/fhir/r4', name: 'EHR' }],
    imagingTokenOrigins: ['https://vna.example.org'],
  };

  it('names the issuers, the imaging token origins, what discovery found and what is given by hand', () => {
    const origins = cspOriginsFromAppConfig(config, {
      smartConfigurations: [
        {
          token_endpoint: 'https://auth.example.org/oauth2/token',
          associated_endpoints: [{ url: 'https://pacs.example.org/dicom-web' }],
        },
      ],
      connectSrc: ['https://open-pacs.example.org/wado'],
      frameAncestors: ['https://ehr.example.org'],
    });
    expect(contentSecurityPolicy(origins)).toContain(
      "connect-src 'self' https://auth.example.org https://ehr.example.org https://open-pacs.example.org " +
        'https://pacs.example.org https://vna.example.org;',
    );
    expect(origins.frameAncestors).toEqual(['https://ehr.example.org']);
  });

  it('refuses a config without issuers', () => {
    expect(() => cspOriginsFromAppConfig({ clientId: 'x' })).toThrow(/no issuers/);
  });
});
