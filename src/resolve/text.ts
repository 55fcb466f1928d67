// Normalised names and tokens, and the similarity measures resolution scores with.

const STOPWORDS = new Set(('a an and are as at be been but by for from had has have he her his in into is it its ' +
  'of on or that the their them they this to was were which who will with after before during over said says ' +
  'say told near outside inside than more least about some other people person two three four five six seven ' +
  'eight nine ten one also been being not no while when where there what would could least killed injured ' +
  'wounded dead died attack attacks attacked').split(' '));

/** Lower case, accents removed, punctuation as spaces. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A crude stem: enough for "markets"/"market", "bombings"/"bombing". */
function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export function contentTokens(s: string, out: Set<string> = new Set()): Set<string> {
  for (const w of fold(s).split(' ')) {
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.add(stem(w));
  }
  return out;
}

/** A name key: folded, a leading article ("the", "al") dropped, doubled letters squeezed. */
export function nameKey(s: string): string {
  return fold(s).replace(/^(the|al|el|ad|as|an) /, '').replace(/\s+/g, ' ').replace(/(.)\1+/g, '$1');
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** |A ∩ B| / min(|A|, |B|): a short description contained in a longer one counts as a match. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / small.size;
}

export function trigrams(s: string): Set<string> {
  const t = ' ' + s.replace(/ /g, '') + ' ';
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}
