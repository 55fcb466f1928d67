// Hand-built documents and extractions for the API, browser and benchmark: small, exact, and
// independent of the extractor's accuracy. Evidence offsets are found in each text.
import { documentId, type Document } from '../src/ingest/document.js';
import type { Evidence, Extraction, Incident } from '../src/model.js';
import type { Store } from '../src/store/store.js';

export function makeDoc(text: string, meta: Partial<Document> = {}): Document {
  return {
    id: documentId(text), title: null, source: null, url: null, author: null, published: null,
    language: 'en', text, origin: 'fixture', format: 'txt', dateline: null, ...meta,
  };
}

/** Evidence for `needle` (its first occurrence) in the document's text, with its sentence. */
export function span(doc: Document, needle: string, field: string, value = needle): Evidence {
  const start = doc.text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in ${doc.id}`);
  const end = start + needle.length;
  const sentenceStart = Math.max(doc.text.lastIndexOf('. ', start) + 2, 0) === 1 ? 0 : Math.max(doc.text.lastIndexOf('. ', start) + 2, 0);
  const dot = doc.text.indexOf('.', end);
  return { doc: doc.id, field, value, start, end, text: needle, sentenceStart, sentenceEnd: dot < 0 ? doc.text.length : dot + 1 };
}

export function incident(doc: Document, n: number, fields: Partial<Incident>): Incident {
  return {
    id: `men_${doc.id.slice(4)}_${n}`, type: 'other', status: 'carried_out', date: null, location: null,
    perpetrators: [], targets: [], victims: [], weapons: [], killed: null, injured: null, suicide: false,
    evidence: [], sources: [doc.id], ...fields,
  };
}

export const extraction = (doc: Document, incidents: Incident[]): Extraction => ({ docId: doc.id, incidents, quotes: [] });

const KABUL = { country: 'Afghanistan', countryCode: 'AF', admin1: 'Kabul', place: 'Kabul', lat: 34.53, lon: 69.17, precision: 'city' as const };
const PARIS = { country: 'France', countryCode: 'FR', admin1: 'Île-de-France', place: 'Paris', lat: 48.85, lon: 2.35, precision: 'city' as const };
const MAIDUGURI = { country: 'Nigeria', countryCode: 'NG', admin1: 'Borno', place: 'Maiduguri', lat: 11.85, lon: 13.16, precision: 'city' as const };
const LAGOS = { country: 'Nigeria', countryCode: 'NG', admin1: 'Lagos', place: 'Lagos', lat: 6.45, lon: 3.39, precision: 'city' as const };

export const XSS_TITLE = 'Market attack <img src=x onerror="window.__xss=1">';
export const XSS_TEXT = 'LAGOS - Gunmen attacked a market in Lagos on Tuesday, killing 4 people. <script>window.__xss=2;alert(1)</script> '
  + 'Witnesses described <img src=x onerror="window.__xss=3;alert(2)"> chaos. <b onmouseover="window.__xss=4">Police</b> said the attackers fled.';

export interface Seeded {
  docs: Record<'kabulA' | 'kabulB' | 'paris' | 'maiduguri' | 'xss', Document>;
  incidentOf(docKey: keyof Seeded['docs']): string;
}

/** Five documents, four incidents: Kabul (two sources that disagree on the toll), Paris, Maiduguri, Lagos (the XSS text). */
export async function seed(store: Store): Promise<Seeded> {
  const kabulA = makeDoc('KABUL (Reuters) - A suicide bomber killed 12 people and wounded 30 at a police checkpoint in Kabul on Monday. The Taliban claimed responsibility for the attack.',
    { title: 'Suicide bomber kills 12 in Kabul', source: 'Reuters', published: '2024-03-04', origin: 'fixture/kabul-a.txt' });
  const kabulB = makeDoc('Kabul, March 5 (AP) - The toll from Monday\'s suicide bombing at a police checkpoint in Kabul rose to 15, officials said. The Taliban claimed the attack.',
    { title: 'Kabul bombing toll rises to 15', source: 'AP', published: '2024-03-05', origin: 'fixture/kabul-b.txt' });
  const paris = makeDoc('PARIS - A gunman opened fire outside a cafe in Paris on Saturday, killing 3 people. Police said the motive was unclear.',
    { title: 'Three killed in Paris shooting', source: 'AFP', published: '2023-06-10', origin: 'fixture/paris.txt' });
  const maiduguri = makeDoc('MAIDUGURI, Nigeria - Suspected Boko Haram fighters kidnapped 20 students from a school near Maiduguri on Sunday, police said.',
    { title: 'Students kidnapped near Maiduguri', source: 'Premium Times', published: '2023-01-15', origin: 'fixture/maiduguri.txt' });
  const xss = makeDoc(XSS_TEXT, { title: XSS_TITLE, source: '<script>window.__xss=5</script>', published: '2023-09-12', origin: 'fixture/xss.html' });

  const bombing = (doc: Document, killed: number, killedText: string): Incident => incident(doc, 0, {
    type: 'bombing', date: '2024-03-04', location: KABUL,
    perpetrators: [{ name: 'Taliban', kind: 'organization', attribution: 'claimed' }],
    targets: [{ text: 'police checkpoint', category: 'police' }],
    weapons: [{ text: 'suicide bomber', type: 'explosives' }],
    killed: { value: killed }, injured: doc === kabulA ? { value: 30 } : null, suicide: true,
    evidence: [span(doc, killedText, 'killed', String(killed)), span(doc, 'police checkpoint', 'targets'), span(doc, 'Taliban', 'perpetrators'), span(doc, 'Kabul', 'location')],
  });
  await store.ingest(kabulA, extraction(kabulA, [bombing(kabulA, 12, 'killed 12 people')]));
  await store.ingest(kabulB, extraction(kabulB, [bombing(kabulB, 15, 'rose to 15')]));
  await store.ingest(paris, extraction(paris, [incident(paris, 0, {
    type: 'armed_assault', date: '2023-06-10', location: PARIS,
    perpetrators: [{ name: 'gunman', kind: 'individual' }], targets: [{ text: 'cafe', category: 'business' }],
    weapons: [{ text: 'gun', type: 'firearms' }], killed: { value: 3 },
    evidence: [span(paris, 'opened fire', 'type'), span(paris, 'killing 3 people', 'killed', '3'), span(paris, 'Paris', 'location')],
  })]));
  await store.ingest(maiduguri, extraction(maiduguri, [incident(maiduguri, 0, {
    type: 'kidnapping', date: '2023-01-15', location: MAIDUGURI,
    perpetrators: [{ name: 'Boko Haram', kind: 'organization', attribution: 'suspected' }],
    targets: [{ text: 'school', category: 'educational' }], victims: [{ text: '20 students' }],
    evidence: [span(maiduguri, 'kidnapped 20 students', 'type'), span(maiduguri, 'Boko Haram', 'perpetrators')],
  })]));
  await store.ingest(xss, extraction(xss, [incident(xss, 0, {
    type: 'armed_assault', date: '2023-09-12', location: LAGOS,
    perpetrators: [{ name: '<img src=x onerror="window.__xss=6">', kind: 'individual' }],
    targets: [{ text: 'market', category: 'business' }], killed: { value: 4 },
    summary: '<script>window.__xss=7</script>',
    evidence: [span(xss, 'killing 4 people', 'killed', '4'), span(xss, '<script>window.__xss=2;alert(1)</script>', 'summary'),
      span(xss, '<img src=x onerror="window.__xss=3;alert(2)">', 'victims')],
  })]));

  const docs = { kabulA, kabulB, paris, maiduguri, xss };
  const byDoc = new Map<string, string>();
  for (const row of (await store.listIncidents({ limit: 100 })).items) for (const s of row.sources) byDoc.set(s, row.id);
  return {
    docs,
    incidentOf(key) {
      const id = byDoc.get(docs[key].id);
      if (!id) throw new Error(`fixture: no incident for ${key}`);
      return id;
    },
  };
}
