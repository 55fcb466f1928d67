import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseMode, tokenize } from '../src/nlp/tokens.js';
import { findDates } from '../src/nlp/dates.js';
import { numberAt } from '../src/nlp/numbers.js';
import { PhraseMatcher } from '../src/nlp/phrases.js';
import { WordFilter, wordHash } from '../src/nlp/word-filter.js';

test('sentences split on full stops but not on abbreviations or initials', () => {
  const text = 'Gen. Smith said the U.S. embassy was hit. J. Doe was unhurt.\n\nA new paragraph starts here.';
  const { sentences } = tokenize(text, caseMode(text));
  assert.deepEqual(sentences.map(s => text.slice(s.start, s.end)), [
    'Gen. Smith said the U.S. embassy was hit.', 'J. Doe was unhurt.', 'A new paragraph starts here.',
  ]);
  assert.deepEqual(sentences.map(s => s.para), [0, 0, 1]);
});

test('casing is detected so that rules do not lean on capitals in wire copy or transcripts', () => {
  assert.equal(caseMode('A BOMB EXPLODED IN SAN SALVADOR TODAY.'), 'upper');
  assert.equal(caseMode('a bomb exploded in san salvador today.'), 'lower');
  assert.equal(caseMode('A bomb exploded in San Salvador today.'), 'mixed');
});

test('dates: absolute, partial, two-digit years and relative ones against the reference', () => {
  const found = findDates('BOGOTA, 9 JAN 90 -- kidnapped on 5 January; on Friday; yesterday; last week; in March 2016; November 13, 2015', '1990-01-09');
  const byText = Object.fromEntries(found.map(d => [d.text, d.value]));
  assert.equal(byText['9 JAN 90'], '1990-01-09');
  assert.equal(byText['5 January'], '1990-01-05');
  assert.equal(byText['on Friday'], '1990-01-05'); // 9 Jan 1990 was a Tuesday
  assert.equal(byText['yesterday'], '1990-01-08');
  assert.deepEqual(byText['last week'], { from: '1990-01-01', to: '1990-01-07' }); // Monday to Sunday
  assert.equal(byText['in March 2016'], '2016-03');
  assert.equal(byText['November 13, 2015'], '2015-11-13');
});

test('"last week" in Monday\'s paper takes in the Sunday just gone; "last weekend" is its Saturday and Sunday', () => {
  const byText = Object.fromEntries(findDates('last week; last weekend', '2016-07-25').map(d => [d.text, d.value]));
  assert.deepEqual(byText['last week'], { from: '2016-07-18', to: '2016-07-24' });

test('"over the weekend" is the weekend just gone, or the one under way in a weekend\'s paper', () => {
  const value = (text: string, ref: string) => findDates(text, ref).map(d => d.value);
  assert.deepEqual(value('killed 30 farmers over the weekend', '2019-06-10'), [{ from: '2019-06-08', to: '2019-06-09' }]);
  assert.deepEqual(value('attacked at the weekend', '2019-06-09'), [{ from: '2019-06-08', to: '2019-06-09' }]);
  assert.deepEqual(value('over the week', '2019-06-10'), []);
});
  assert.deepEqual(byText['last weekend'], { from: '2016-07-23', to: '2016-07-24' });
});

test('a day and month without a year never lands after the reference date', () => {
  const [d] = findDates('on 30 December', '2016-01-04');
  assert.equal(d?.value, '2015-12-30');
});

test('"n days/weeks/months/years ago" counts back from the reference, at the precision it names', () => {
  const byText = Object.fromEntries(findDates('killed 3 days ago; a week ago; two months ago; ASSASSINATED 10 YEARS AGO', '1990-02-26').map(d => [d.text, d.value]));
  assert.equal(byText['3 days ago'], '1990-02-23');
  assert.deepEqual(byText['a week ago'], { from: '1990-02-16', to: '1990-02-22' });
  assert.equal(byText['two months ago'], '1989-12');
  assert.equal(byText['10 YEARS AGO'], '1980');
});

test('relative dates stay unresolved without a reference', () => {
  assert.deepEqual(findDates('on Friday and yesterday', null), []);
});

test('numbers: digits, words, vague counts with qualifiers, ranges', () => {
  const n = (s: string) => { const t = tokenize(s, 'mixed').tokens; return numberAt(t, 0)?.count; };
  assert.deepEqual(n('at least 130 people'), { value: 130, qualifier: 'at least' });
  assert.deepEqual(n('twenty-five dead'), { value: 25 });
  assert.deepEqual(n('two hundred'), { value: 200 });
  assert.deepEqual(n('dozens of people'), { value: 12, qualifier: 'dozens' });
  assert.deepEqual(n('1,200 wounded'), { value: 1200 });
  assert.deepEqual(n('10 to 15 killed'), { value: 10, max: 15 });
  assert.equal(n('a bomb'), undefined);
});

test('phrases: the longest match that fits the limit, the same for every document and limit in any order', () => {
  const m = new PhraseMatcher<string>().add('car bomb', 'long').add('car', 'short').add('bomb', 'bomb');
  const text = 'Police said a car bomb went off near the market and a second car was found later on Sunday.';
  const other = 'The bomb and the car bomb were both found by police near the border crossing on Monday morning.';
  const { tokens } = tokenize(text, caseMode(text));
  const { tokens: others } = tokenize(other, caseMode(other));
  const car = tokens.findIndex(t => t.lower === 'car');
  assert.deepEqual(m.matchAt(tokens, car), { from: car, to: car + 2, value: 'long' });
  // Asked again with a limit that cuts the longer phrase: the shorter one.
  assert.deepEqual(m.matchAt(tokens, car, car + 1), { from: car, to: car + 1, value: 'short' });
  assert.deepEqual(m.matchAt(tokens, car), { from: car, to: car + 2, value: 'long' });
  assert.equal(m.matchAt(tokens, car, car), null);
  // Another document's tokens in between, then the first again.
  assert.deepEqual(m.findAll(others).map(h => h.value), ['bomb', 'long']);
  assert.deepEqual(m.findAll(tokens).map(h => h.value), ['long', 'short']);
  assert.equal(m.matchAt(tokens, -1), null);
  assert.equal(m.matchAt(tokens, tokens.length), null);
  // A phrase added later is found in a document already asked about.
  m.add('market', 'place');
  assert.ok(m.has(tokens, 0, tokens.length) && m.findAll(tokens).some(h => h.value === 'place'));
});

test('a word filter never rules out a word it was given, and rules out most others', () => {
  const words = Array.from({ length: 2000 }, (_, i) => `word${i}`);
  const f = WordFilter.of(words, 15);
  for (const w of words) assert.ok(f.mayHaveHash(wordHash(w)), w);
  let wrong = 0;
  for (let i = 0; i < 2000; i++) if (f.mayHaveHash(wordHash(`other${i}`))) wrong++;
  assert.ok(wrong < 200, `${wrong} of 2000 others said maybe`);
});

test('a month named alone is the latest such month: "in October" in February is last year\'s, "in February" this year\'s; "until March" and "October 1" are not read as months', () => {
  const byText = Object.fromEntries(findDates('In October; last March; in February; IN JANUARY; until March; on October 1', '2005-02-15').map(d => [d.text, d.value]));
  assert.equal(byText['In October'], '2004-10');
  assert.equal(byText['last March'], '2004-03');
  assert.equal(byText['in February'], '2005-02');
  assert.equal(byText['IN JANUARY'], '2005-01');
  assert.ok(!Object.keys(byText).some(k => /until/i.test(k)), JSON.stringify(byText));
  assert.equal(byText['October 1'], '2004-10-01');
});

test('"at 10:30 a.m. on Friday" goes on; "at 8 p.m. Police said" ends the sentence', () => {
  const sentences = (text: string, mode: 'mixed' | 'upper') => tokenize(text, mode).sentences.length;
  assert.equal(sentences('The bomb exploded at 10:30 a.m. on Friday, killing three.', 'mixed'), 1);
  assert.equal(sentences('THE BOMB EXPLODED AT 10:30 A.M. ON FRIDAY, KILLING THREE.', 'upper'), 1);
  assert.equal(sentences('It exploded at 8 p.m. Police said so.', 'mixed'), 2);
  assert.equal(sentences('IT EXPLODED AT 8 P.M. POLICE SAID SO.', 'upper'), 2);
});

test('holidays on a fixed day are dates: "on Christmas Day" in a report of 28 December, "New Year\'s Eve" in January', () => {
  const byText = Object.fromEntries(findDates('on Christmas Day; NEW YEAR’S EVE', '2010-01-02').map(d => [d.text, d.value]));
  assert.equal(byText['Christmas Day'], '2009-12-25');
  assert.equal(byText['NEW YEAR’S EVE'], '2009-12-31');
});

test('"the 1994 bombing": a year right before what it dates is a date; "the 300 men" is not', () => {
  const byText = Object.fromEntries(findDates('Iran ordered the 1994 bombing; THE 1998 EMBASSY BOMBINGS; the 300 men', '2024-04-12').map(d => [d.text, d.value]));
  assert.equal(byText['the 1994'], '1994');
  assert.equal(byText['THE 1998'], '1998');
  assert.equal(Object.keys(byText).length, 2, JSON.stringify(byText));
});
