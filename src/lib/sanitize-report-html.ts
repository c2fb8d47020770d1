import DOMPurify from 'dompurify';
import { Parser } from 'htmlparser2';

/**
 * A report's HTML reduced to text structure: headings, paragraphs, emphasis, lists, tables. No
 * attributes at all, so no event handlers, styles, links or image sources; no script, style, image,
 * frame, form or media elements. Nothing in a report may run, load anything, or restyle the page.
 *
 * Two maintained libraries, in turn. htmlparser2 (a tokenizer: no DOM) first keeps only the allowed
 * tags, without their attributes, and the text: the browser never parses the untrusted markup itself,
 * so its handlers are never even met by the page's Content-Security-Policy (Chrome reports every one
 * it meets, even in DOMPurify's inert document). DOMPurify then checks what is left, as the sanitizer
 * of record.
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
const ALLOWED = new Set(ALLOWED_TAGS);
const VOID = new Set(['br', 'hr']);
/** Elements whose content is dropped with them (code, styles, embedded documents). */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'svg',
  'math',
  'title',
  'head',
  'textarea',
  'select',
]);

export function sanitizeReportHtml(html: string): string {
  return DOMPurify.sanitize(reduceToAllowedTags(html), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
  });
}

function reduceToAllowedTags(html: string): string {
  let out = '';
  let dropping = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (DROPPED_WITH_CONTENT.has(name)) dropping += 1;
        else if (dropping === 0 && ALLOWED.has(name)) out += `<${name}>`;
      },
      ontext(text) {
        if (dropping === 0) out += escapeText(text);
      },
      onclosetag(name) {
        if (DROPPED_WITH_CONTENT.has(name)) dropping = Math.max(0, dropping - 1);
        else if (dropping === 0 && ALLOWED.has(name) && !VOID.has(name)) out += `</${name}>`;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
