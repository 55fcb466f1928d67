// PDF reports: the text of every page in order, and the title, author and creation date of the
// PDF's information dictionary. Lines are rebuilt from the positioned text items so that a larger
// vertical gap becomes a paragraph break (a blank line), as between pages.
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import type { Parsed } from '../build.js';
import { ReadError } from '../result.js';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

const stringOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The text of one page: items joined into lines, lines into paragraphs. */
export function pageText(items: Item[]): string {
  const lines: { text: string; y: number; size: number }[] = [];
  let current: { text: string; y: number; size: number; end: number } | null = null;
  let breakAfter = true;
  for (const item of items) {
    const size = item.fontSize || 10;
    if (current && !breakAfter && Math.abs(item.y - current.y) < size * 0.5) {
      const gap = item.x - current.end;
      const joint = gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str) ? ' ' : '';
      current.text += joint + item.str;
      current.end = item.x + item.width;
      current.size = Math.max(current.size, size);
    } else if (item.str.trim() || !item.hasEOL) {
      current = { text: item.str, y: item.y, size, end: item.x + item.width };
      lines.push(current);
    }
    breakAfter = item.hasEOL;
  }
  let out = '';
  lines.forEach((line, i) => {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (!text) return;
    if (out) {
      const prev = lines[i - 1]!;
      out += Math.abs(prev.y - line.y) > Math.max(prev.size, line.size) * 1.9 ? '\n\n' : '\n';
    }
    out += text;
  });
  return out;
}

export async function readPdf(bytes: Uint8Array): Promise<Parsed> {
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1) throw new ReadError('malformed PDF: no %PDF header');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take ownership of the buffer it is given: give it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (err) {
    throw new ReadError('malformed PDF: ' + (err as Error).message);
  }
  try {
    const { items } = await extractTextItems(pdf);
    const { info } = (await getMeta(pdf)) as { info: Record<string, unknown> };
    const pages = items.map(pageText).filter(Boolean);
    if (pages.length === 0) throw new ReadError('no text in PDF (scanned images only?)');
    return {
      text: pages.join('\n\n'),
      meta: {
        title: stringOf(info.Title),
        author: stringOf(info.Author),
        published: stringOf(info.CreationDate),
      },
    };
  } catch (err) {
    throw err instanceof ReadError ? err : new ReadError('malformed PDF: ' + (err as Error).message);
  } finally {
    await pdf.destroy();
  }
}
