/** The URL behind a Cornerstone image id (`wadors:https://…`, `wadouri:https://…`) or a plain URL. */
export function urlOfImageId(imageIdOrUrl: string): string {
  return imageIdOrUrl.replace(/^(wadors|wadouri|dicomweb):/, '');
}
