// HTML pages: the article text via Readability (navigation, ads and footers dropped), and the
// metadata publishers put in <meta>, JSON-LD, <time> and <link rel="canonical">.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Parsed } from '../build.js';
import { nodeToText } from '../html-text.js';
import { mergeMeta, type Meta } from '../meta.js';

type Doc = ReturnType<typeof parseHTML>['document'];

const first = (...values: (string | null | undefined)[]): string | null =>
  values.map((v) => v?.trim()).find((v) => v) ?? null;

function metaContent(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const content = el?.getAttribute('content')?.trim();
      if (content) return content;
    }
  }
  return null;
}

/** The JSON-LD objects of the page, flattened (arrays and @graph). */
function jsonLd(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      out.push(value as Record<string, unknown>);
      const graph = (value as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the publisher's problem, not a reason to drop the page.
    }
  }
  return out;
}

const nameOf = (v: unknown): string | null =>
  typeof v === 'string' ? v : Array.isArray(v) ? first(...v.map(nameOf)) : v && typeof v === 'object' ? nameOf((v as { name?: unknown }).name) : null;

function pageMeta(doc: Doc): Meta {
  const ld = jsonLd(doc).find((o) => o.datePublished || o.headline) ?? {};
  const time = doc.querySelector('time[pubdate], time[itemprop="datePublished"]') ?? doc.querySelector('time[datetime]');
  const author = metaContent(doc, 'author', 'article:author', 'dc.creator');
  return {
    title: first(metaContent(doc, 'og:title', 'twitter:title'), typeof ld.headline === 'string' ? ld.headline : null),
    published: first(
      metaContent(doc, 'article:published_time', 'og:published_time', 'og:article:published_time', 'datePublished',
        'pubdate', 'publishdate', 'publish-date', 'dc.date.issued', 'dc.date', 'date'),
      typeof ld.datePublished === 'string' ? ld.datePublished : null,
      time?.getAttribute('datetime'),
    ),
    author: first(author && !/^https?:/.test(author) ? author : null, nameOf(ld.author)),
    source: first(metaContent(doc, 'og:site_name', 'application-name'), nameOf(ld.publisher)),
    url: first(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), metaContent(doc, 'og:url')),
  };
}

export function readHtml(html: string): Parsed {
  const { document } = parseHTML(html);
  const meta = pageMeta(document);
  const fallbackTitle = document.querySelector('title')?.textContent ?? null;
  // Readability changes the DOM it reads: metadata first, then the article; its own
  // serialiser is bypassed to get at the nodes and keep the paragraph breaks.
  const article = new Readability<unknown>(document as unknown as Document, { serializer: (node) => node }).parse();
  const text = article?.content ? nodeToText(article.content) : nodeToText(document.body);
  return {
    text,
    meta: mergeMeta(meta, {
      title: article?.title ?? fallbackTitle,
      author: article?.byline,
      source: article?.siteName,
      published: article?.publishedTime,
    }),
  };
}
