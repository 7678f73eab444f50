/**
 * The URL Salesforce gives the softphone iframe: the call center's adapter URL with
 * `mode=Lightning&sfdcIframeOrigin=<encoded console origin>` appended — after `&` when the URL
 * already has a query, before any `#fragment`. A relative adapter URL (a Visualforce page) is
 * resolved against the console.
 */
export function adapterFrameUrl(adapterUrl: string, consoleOrigin: string, base: string): string {
  const url = new URL(adapterUrl, base);
  const params = `mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(consoleOrigin)}`;
  url.search = url.search.length > 1 ? `${url.search}&${params}` : `?${params}`;
  return url.href;
}
