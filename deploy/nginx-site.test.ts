import { describe, expect, it } from 'vitest';
import { renderNginxSite } from './nginx-site.mjs';
import { securityHeaders } from './security-headers.mjs';

const headers = securityHeaders({ connectSrc: ['https://ehr.example.org'], frameAncestors: [] });
const options = {
  root: '/var/www/imaging-viewer',
  appConfigFile: '/etc/imaging-viewer/app-config.json',
  headers,
};

describe('the nginx site', () => {
  const site = renderNginxSite(options);

  it('sends every security header on every response, errors included, from the server block only', () => {
    for (const [name, value] of Object.entries(headers)) {
      expect(site).toContain(`    add_header ${name} "${value}" always;\n`);
    }
    // One add_header in a location would drop the server's for that location.
    const locations = site.split('\n    location ').slice(1);
    expect(locations.length).toBe(4);
    for (const location of locations) expect(location).not.toContain('add_header');
  });

  it('caches by path, and not on errors', () => {
    expect(site).toContain('~^/assets/  "public, max-age=31536000, immutable";');
    expect(site).toContain('default     "no-cache";');
    expect(site).toContain('add_header Cache-Control $imaging_viewer_cache_control;\n');
  });

  it('serves the precompressed files, the SPA fallback and the config from outside the build', () => {
    expect(site).toContain('gzip_static on;');
    expect(site).toContain('brotli_static on;');
    expect(site).toContain('try_files $uri /index.html;');
    expect(site).toContain('location ^~ /assets/ {\n        try_files $uri =404;');
    expect(site).toContain('alias /etc/imaging-viewer/app-config.json;');
    expect(renderNginxSite({ ...options, brotli: false })).not.toContain('brotli');
  });

  it('refuses paths and values nginx would read differently', () => {
    expect(() => renderNginxSite({ ...options, root: 'dist' })).toThrow(/absolute/);
    expect(() => renderNginxSite({ ...options, root: '/srv/my viewer' })).toThrow(/absolute/);
    expect(() => renderNginxSite({ ...options, headers: { 'X-Test': 'a"b' } })).toThrow(/nginx string/);
  });

  it('forwards the PACSes app-config.json names from paths of its own origin, streamed, their caching kept', () => {
    const proxied = renderNginxSite({
      ...options,
      proxies: [{ server: 'https://pacs.example.org/dicom-web/', path: '/pacs.a/dicom-web' }],
    });
    expect(proxied).toContain(
      '    location ^~ /pacs.a/dicom-web/ {\n        proxy_pass https://pacs.example.org/dicom-web/;\n',
    );
    expect(proxied).toContain('        proxy_buffering off;\n');
    expect(proxied).toContain('        proxy_request_buffering off;\n');
    // The map adds no Cache-Control of the site's to the PACS's answers (an empty value adds none).
    expect(proxied).toContain('    ~^/pacs\\.a/dicom-web/  "";\n');
    const locations = proxied.split('\n    location ').slice(1);
    expect(locations.length).toBe(5);
    for (const location of locations) expect(location).not.toContain('add_header');
  });

  it('refuses a proxied PACS nginx would read as something else', () => {
    for (const server of [
      'ftp://pacs.example.org/',
      'https://pacs.example.org/a b',
      'https://pacs.example.org/x;y',
      'https://pacs.example.org/?q',
    ]) {
      expect(() => renderNginxSite({ ...options, proxies: [{ server, path: '/pacs' }] })).toThrow(
        /http\(s\) URL/,
      );
    }
    expect(() =>
      renderNginxSite({ ...options, proxies: [{ server: 'https://pacs.example.org/', path: 'pacs' }] }),
    ).toThrow(/absolute/);
  });
});
