#!/usr/bin/env node
// Writes a small text PDF by hand (no PDF library): one Helvetica text stream per page, an /Info
// dictionary, and a cross-reference table with exact byte offsets.
//
//   node examples/make-pdf.mjs            rebuilds examples/14-east-africa-brief-2015-04.pdf
//   import { makePdf } from './make-pdf.mjs'   for other PDFs (test fixtures)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const escape = (s) => s.replace(/[\\()]/g, (c) => '\\' + c);

/** Greedy word wrap at `width` characters. */
function wrap(paragraph, width) {
  const lines = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A PDF (as a Buffer) whose pages hold the given paragraphs. Text is Latin-1 (WinAnsi).
 * @param {{ title?: string, author?: string, creationDate?: string, pages: string[][] }} spec
 *   creationDate in PDF form, e.g. "D:20190115090000Z".
 */
export function makePdf({ title, author, creationDate, pages }) {
  const objects = []; // [number, body]
  const add = (body) => objects.push(body) && objects.length;
  const catalog = add(null);
  const pagesObj = add(null);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = [];
  for (const paragraphs of pages) {
    const ops = ['BT', '/F1 11 Tf', '14 TL', '56 780 Td'];
    paragraphs.forEach((p, i) => {
      if (i > 0) ops.push('T*');
      for (const line of wrap(p, 92)) ops.push(`(${escape(line)}) Tj`, 'T*');
    });
    ops.push('ET');
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = [
    title && `/Title (${escape(title)})`,
    author && `/Author (${escape(author)})`,
    creationDate && `/CreationDate (${creationDate})`,
    '/Producer (Vigil make-pdf.mjs)',
  ].filter(Boolean);
  const infoObj = add(`<< ${info.join(' ')} >>`);

  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const EXAMPLE = {
  title: 'Al-Shabaab and Soft Targets in Kenya',
  author: 'Horn of Africa Security Observatory',
  creationDate: 'D:20150420090000Z',
  pages: [
    [
      'HORN OF AFRICA SECURITY OBSERVATORY - POLICY BRIEF NO. 7 - APRIL 2015',
      'Al-Shabaab and Soft Targets in Kenya',
      'Summary. The attack on Garissa University College on 2 April 2015 was the deadliest terrorist ' +
        'attack in Kenya since the 1998 bombing of the United States embassy in Nairobi. It confirms a ' +
        'pattern that has been visible since 2013: al-Shabaab, the Somali militant group affiliated with ' +
        'al-Qaeda, is choosing lightly protected civilian targets inside Kenya to punish the country for ' +
        'its military presence in Somalia.',
      'Garissa, April 2015. Early on the morning of 2 April, four gunmen stormed the university campus ' +
        'in Garissa, about 150 km from the Somali border, after killing two guards at the gate. Witnesses ' +
        'said the attackers separated students by religion, letting some Muslims go and shooting ' +
        'Christians. The siege of a dormitory lasted almost 15 hours before Kenyan special forces killed ' +
        'the four attackers. The government put the death toll at 148, of whom 142 were students, and at ' +
        'least 79 people were wounded. Al-Shabaab claimed responsibility the same day.',
      'Westgate, September 2013. On 21 September 2013 al-Shabaab gunmen attacked the Westgate shopping ' +
        'mall in Nairobi with assault rifles and grenades, killing 67 people, among them many foreign ' +
        'nationals. The siege lasted four days. The group said the attack was retaliation for the ' +
        'deployment of Kenyan troops in Somalia.',
      'Mpeketoni, June 2014. On the night of 15 June 2014 dozens of gunmen raided the coastal town of ' +
        'Mpeketoni in Lamu County, attacking a police station, hotels and homes, and killed at least 48 ' +
        'people, most of them men. Al-Shabaab claimed the attack, although the Kenyan president blamed ' +
        'local political networks.',
    ],
    [
      'Assessment. In each case the attackers were few, lightly armed and able to operate for hours ' +
        'before the security forces responded effectively. Universities, shopping centres, buses and ' +
        'places of worship in the north-east and on the coast remain exposed.',
      'Recommendations. We recommend (1) a rapid-response capability stationed in Garissa, Mandera and ' +
        'Lamu counties; (2) security assessments for all higher-education institutions in border ' +
        'counties; and (3) community-policing programmes that do not single out the Somali and Muslim ' +
        'communities, whose cooperation is essential to detecting plots early.',
    ],
  ],
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('./14-east-africa-brief-2015-04.pdf', import.meta.url));
  writeFileSync(path, makePdf(EXAMPLE));
  console.log('wrote', path);
}
