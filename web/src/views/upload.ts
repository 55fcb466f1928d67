// Upload: drop files (or pick them), each sent with XHR so that its progress shows; when the server has
// read, extracted and stored it, the incidents it produced are listed.
import { authHeaders, type IncidentRow } from '../api.js';
import { h, replace } from '../dom.js';
import { dateText, label, placeText } from '../format.js';
import { hrefFor, type Route } from '../state.js';

const ALLOWED = ['.txt', '.md', '.html', '.htm', '.pdf', '.json', '.jsonl', '.xml'];
const MAX = 20 * 1024 * 1024;

interface UploadResponse {
  files: { file: string; documents: { docId: string; status: string }[]; failures: { input: string; reason: string }[] }[];
  incidents: IncidentRow[];
}

function send(file: File, onProgress: (fraction: number) => void): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-filename', encodeURIComponent(file.name));
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResponse);
      else reject(new Error((body as { error?: string } | null)?.error ?? `upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(file);
  });
}

export function uploadPage(el: HTMLElement, route: Route): void {
  const list = h('div', { class: 'uploads' });
  const input = h('input', { type: 'file', multiple: true, accept: ALLOWED.join(','), id: 'file-input' });
  const zone = h('label', { class: 'dropzone', for: 'file-input' },
    h('strong', null, 'Drop reports here'), ' or click to choose files',
    h('div', { class: 'muted' }, `${ALLOWED.join(' ')} — up to 20 MB each`), input);

  const start = (files: FileList | File[]) => {
    for (const file of Array.from(files)) void one(file);
  };
  const one = async (file: File) => {
    const bar = h('progress', { max: 1, value: 0 });
    const status = h('span', { class: 'status' }, 'uploading…');
    const result = h('div', { class: 'result' });
    const row = h('div', { class: 'upload' }, h('strong', null, file.name), ' ', bar, ' ', status, result);
    list.prepend(row);
    const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
    if (!ALLOWED.includes(ext)) { replace(status, `unsupported type ${ext}`); row.classList.add('failed'); return; }
    if (file.size > MAX) { replace(status, 'over 20 MB'); row.classList.add('failed'); return; }
    try {
      const res = await send(file, (f) => {
        bar.value = f;
        if (f >= 1) replace(status, 'extracting…');
      });
      bar.value = 1;
      const docs = res.files.flatMap((f) => f.documents);
      const fails = res.files.flatMap((f) => f.failures);
      replace(status, `${docs.filter((d) => d.status === 'new').length} new document(s), ${docs.filter((d) => d.status === 'duplicate').length} already known, ${res.incidents.length} incident(s)`);
      row.classList.add('done');
      replace(result,
        fails.map((f) => h('div', { class: 'error' }, `${f.input}: ${f.reason}`)),
        h('ul', { class: 'plain' }, res.incidents.map((i) => h('li', null,
          h('a', { href: hrefFor('incident', i.id, route.filter) }, `${label(i.type)} — ${placeText(i.location)} — ${dateText(i.date)}`)))),
        docs.map((d) => h('a', { href: hrefFor('document', d.docId, route.filter), class: 'doclink' }, 'document ' + d.docId)));
    } catch (err) {
      replace(status, (err as Error).message);
      row.classList.add('failed');
    }
  };

  input.addEventListener('change', () => { if (input.files) start(input.files); input.value = ''; });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files) start(e.dataTransfer.files);
  });
  replace(el, h('h2', null, 'Upload reports'), zone, list);
}
