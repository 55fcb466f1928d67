// HTML to readable plain text: blocks become paragraphs separated by a blank line, inline runs of
// whitespace become one space, scripts and styles go.
import { parseHTML } from 'linkedom';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'blockquote', 'pre',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'figure', 'figcaption', 'hr', 'address',
  'form', 'fieldset', 'details', 'summary', 'body', 'html',
]);
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function collect(node: DomNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const tag = node.nodeName.toLowerCase();
  if (SKIP.has(tag)) return;
  const sep = BLOCK.has(tag) ? '\n\n' : LINE.has(tag) ? '\n' : '';
  if (sep) out.push(sep);
  for (let i = 0; i < node.childNodes.length; i++) collect(node.childNodes[i]!, out);
  if (sep && tag !== 'br') out.push(sep);
  else if (tag === 'td' || tag === 'th') out.push(' ');
}

/** The text of a DOM node (a linkedom or Readability node). */
export function nodeToText(node: unknown): string {
  const out: string[] = [];
  collect(node as DomNode, out);
  return out
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** The text of an HTML fragment or page. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToText(document.body);
}

/** Whether a string (a feed description, say) carries markup or entities rather than plain text. */
export const looksLikeHtml = (s: string): boolean => /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(s);
