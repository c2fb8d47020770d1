export function renderNginxSite(options: {
  readonly root: string;
  readonly appConfigFile: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly listen?: string;
  readonly serverName?: string;
  readonly brotli?: boolean;
  readonly proxies?: readonly { readonly server: string; readonly path: string }[];
  readonly source?: string;
}): string;
