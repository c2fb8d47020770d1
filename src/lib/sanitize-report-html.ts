import DOMPurify from 'dompurify';

/**
 * A report's HTML reduced to text structure, with DOMPurify (maintained, and the standard answer to
 * untrusted HTML): headings, paragraphs, emphasis, lists, tables. No attributes at all, so no event
 * handlers, styles, links or image sources; no script, style, image, frame, form or media elements.
 * Nothing in a report may run, load anything, or restyle the page.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'div',
  'span',
  'pre',
  'code',
  'blockquote',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];

export function sanitizeReportHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // Text inside dropped elements (e.g. a <script>) is dropped with them, not kept as text.
    KEEP_CONTENT: true,
    FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'title'],
  });
}
