// RSS 2.0 (and RDF/RSS 1.0) and Atom feeds: each item or entry is one report, its HTML stripped
// to text, the feed's title as the source.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Parsed } from '../build.js';
import { htmlToText, looksLikeHtml } from '../html-text.js';
import { ReadError } from '../result.js';

export interface Feed {
  format: 'rss' | 'atom';
  items: (Parsed | ReadError)[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'author', 'dc:creator'].includes(name),
});

const asArray = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** The text of an element: a string, a {#text} object, or (for inline XHTML) all strings under it. */
function textOf(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(textOf).filter(Boolean).join(' ');
  if (typeof v === 'object') {
    return Object.entries(v as Node)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, child]) => textOf(child))
      .filter(Boolean)
      .join(' ');
  }
  return '';
}

/** Readable text of an element that may hold HTML (RSS descriptions, Atom type="html"). */
function contentText(v: unknown): string {
  const type = v && typeof v === 'object' && !Array.isArray(v) ? (v as Node)['@_type'] : undefined;
  const raw = textOf(v).trim();
  if (type === 'text') return raw;
  return looksLikeHtml(raw) ? htmlToText(raw) : raw.replace(/[ \t]+/g, ' ');
}

const pick = (node: Node, ...keys: string[]): unknown => keys.map((k) => node[k]).find((v) => v != null && textOf(v).trim());
const names = (v: unknown): string | null =>
  asArray(v).map((a) => (a && typeof a === 'object' && 'name' in a ? textOf((a as Node).name) : textOf(a)).trim()).filter(Boolean).join(', ') || null;

function atomLink(entry: Node): string | null {
  const links = asArray(entry.link) as Node[];
  const link = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return link ? textOf(link['@_href']) || null : null;
}

function item(fields: { text: string; title: unknown; url: string | null; published: unknown; author: string | null; source: string | null }): Parsed | ReadError {
  if (!fields.text.trim()) return new ReadError('no text (item has no description or content)');
  const title = contentText(fields.title) || null;
  const published = textOf(fields.published).trim() || null;
  return { text: fields.text, meta: { title, url: fields.url, published, author: fields.author, source: fields.source } };
}

export function readFeed(xml: string): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ReadError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const data = parser.parse(xml) as Node;
  const rss = (data.rss ?? data['rdf:RDF']) as Node | undefined;
  if (rss && typeof rss === 'object') {
    const channel = ((Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) ?? {}) as Node;
    const source = textOf(channel.title).trim() || null;
    const items = asArray(channel.item ?? rss.item) as Node[];
    return {
      format: 'rss',
      items: items.map((it) => {
        const body = [it['content:encoded'], it.description].map(contentText).sort((a, b) => b.length - a.length)[0] ?? '';
        return item({
          text: body,
          title: it.title,
          url: textOf(asArray(it.link)[0]).trim() || (it['@_rdf:about'] as string | undefined) || null,
          published: pick(it, 'pubDate', 'dc:date', 'published'),
          author: names(it.author) ?? names(it['dc:creator']),
          source,
        });
      }),
    };
  }
  const feed = data.feed as Node | undefined;
  if (feed && typeof feed === 'object') {
    const source = contentText(feed.title) || null;
    return {
      format: 'atom',
      items: (asArray(feed.entry) as Node[]).map((entry) =>
        item({
          text: contentText(pick(entry, 'content') ?? entry.summary),
          title: entry.title,
          url: atomLink(entry),
          published: pick(entry, 'published', 'updated'),
          author: names(entry.author) ?? names(feed.author),
          source,
        }),
      ),
    };
  }
  throw new ReadError('not an RSS or Atom feed');
}
