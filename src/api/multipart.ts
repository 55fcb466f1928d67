// The file parts of a buffered multipart/form-data body (RFC 7578). Uploads are bounded (20 MB), so
// the body is parsed whole rather than streamed.
import { badRequest } from './errors.js';

export interface UploadedFile { name: string; data: Buffer }

export function boundaryOf(contentType: string): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw badRequest('multipart body without a boundary');
  return boundary;
}

function headerParam(header: string, name: string): string | null {
  const star = new RegExp(`${name}\\*=(?:UTF-8|utf-8)''([^;\\r\\n]+)`).exec(header);
  if (star) return decodeURIComponent(star[1]!);
  const m = new RegExp(`${name}="((?:[^"\\\\]|\\\\.)*)"|${name}=([^;\\s]+)`).exec(header);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!;
}

export function parseMultipart(body: Buffer, contentType: string): UploadedFile[] {
  const delimiter = Buffer.from('--' + boundaryOf(contentType));
  const files: UploadedFile[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest('malformed multipart body: no boundary found');
  while (pos >= 0) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw badRequest('malformed multipart body: unterminated part');
    const part = body.subarray(start, next - 2); // the CRLF before the delimiter belongs to it
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw badRequest('malformed multipart body: part without headers');
    const headers = part.subarray(0, split).toString('utf8');
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    const name = headerParam(disposition, 'filename');
    if (name !== null) files.push({ name, data: part.subarray(split + 4) });
    pos = next;
  }
  return files;
}
