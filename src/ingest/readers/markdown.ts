// Markdown (.md) to plain text, line by line so that the text keeps the shape of the source:
// headings, emphasis, links, images, code fences, quotes, list markers and rules lose their syntax.
import type { Parsed } from '../build.js';
import { mergeMeta } from '../meta.js';
import { splitFrontMatter } from './frontmatter.js';

const INLINE: [RegExp, string][] = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'], // images → alt text
  [/\[([^\]]+)\]\([^)]*\)/g, '$1'], // links → link text
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // reference links
  [/<(https?:\/\/[^>\s]+)>/g, '$1'], // autolinks
  [/<\/?[A-Za-z][^>]*>/g, ''], // inline HTML tags
  [/`([^`]+)`/g, '$1'], // code spans
  [/(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2'], // strong
  [/\*(?=\S)([^*]+?)(?<=\S)\*/g, '$1'], // emphasis *...*
  [/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?=[^\w]|$)/g, '$1$2'], // emphasis _..._ (not snake_case)
  [/~~(.+?)~~/g, '$1'], // strikethrough
  [/\\([\\`*_{}[\]()#+\-.!>|])/g, '$1'], // escapes
];

function stripLine(line: string): string {
  if (/^ {0,3}(?:([-*_])[ \t]*){3,}$/.test(line) || /^ {0,3}=+[ \t]*$/.test(line)) return ''; // rules, setext
  let s = line
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/, '$1') // ATX heading
    .replace(/^ {0,3}#{1,6}[ \t]*$/, '')
    .replace(/^(?:[ \t]*>[ \t]?)+/, '') // block quotes
    .replace(/^([ \t]*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/, '$1') // bullets, task boxes
    .replace(/^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?\|?[ \t]*$/, '') // table rule
    .replace(/^ {0,3}\[(?!\^)[^\]]+\]:[ \t]+\S.*$/, ''); // link definitions (not footnotes)
  for (const [re, to] of INLINE) s = s.replace(re, to);
  return s;
}

/** Plain text of Markdown. */
export function stripMarkdown(md: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f && (fence === null || line.trim().startsWith(fence))) {
      fence = fence === null ? f[1]!.slice(0, 3) : null;
      continue;
    }
    out.push(fence === null ? stripLine(line) : line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function readMarkdown(md: string): Parsed {
  const { meta, body } = splitFrontMatter(md);
  const heading = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(body);
  const title = heading ? stripLine(heading[1]!) : null;
  return { text: stripMarkdown(body), meta: mergeMeta(meta, { title }) };
}
