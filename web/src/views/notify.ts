// A one-line message at the top of the page.
import { replace } from '../dom.js';

let timer: ReturnType<typeof setTimeout> | undefined;

export function notify(message: string, error = false): void {
  const el = document.getElementById('notice');
  if (!el) return;
  replace(el, message);
  el.className = error ? 'show error' : 'show';
  clearTimeout(timer);
  timer = setTimeout(() => { el.className = ''; }, error ? 8000 : 3000);
}
