/**
 * A library's or server's text with every URL in it replaced by "(address)": readable for support,
 * but never showing a token endpoint's (or any other) address on a page a patient may see over a
 * shoulder, or a screenshot may carry.
 */
export function withoutAddresses(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, '(address)');
}
