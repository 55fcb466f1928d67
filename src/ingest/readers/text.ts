// Plain text (.txt, stdin), with optional YAML front matter.
import type { Parsed } from '../build.js';
import { splitFrontMatter } from './frontmatter.js';

export function readText(text: string): Parsed {
  const { meta, body } = splitFrontMatter(text);
  return { text: body, meta: meta ?? {} };
}
