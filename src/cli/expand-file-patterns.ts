/**
 * `arazzo lint a.yml 'flows/**\/*.arazzo.yaml'`: plain paths must exist; glob patterns (* ? ** [..]
 * {a,b}) are expanded here, because a shell may pass them through quoted, and Node 20 has no
 * fs.glob. node_modules and dot-directories are skipped unless the pattern names them.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ExpandedFiles {
  files: string[];
  /** One message per argument that named nothing: a usage error (exit 2). */
  problems: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
const MAX_DEPTH = 32;

export async function expandFilePatterns(patterns: readonly string[], cwd: string): Promise<ExpandedFiles> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const pattern of patterns) {
    if (!GLOB_CHARS.test(pattern) || /^https?:\/\//i.test(pattern)) {
      const problem = await checkPlainPath(pattern, cwd);
      if (problem) problems.push(problem);
      else files.push(/^https?:\/\//i.test(pattern) ? pattern : path.resolve(cwd, pattern));
      continue;
    }
    const matched = await expandGlob(pattern, cwd);
    if (matched.length === 0) problems.push(`no file matches "${pattern}"`);
    files.push(...matched);
  }
  return { files: [...new Set(files)], problems };
}

async function checkPlainPath(file: string, cwd: string): Promise<string | undefined> {
  if (/^https?:\/\//i.test(file)) return undefined;
  try {
    const info = await stat(path.resolve(cwd, file));
    return info.isDirectory() ? `${file} is a directory; pass files or a pattern such as "${path.join(file, '**', '*.arazzo.yaml')}"` : undefined;
  } catch {
    return `${file}: no such file`;
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, pattern).split(path.sep).join('/');
  const segments = absolute.split('/');
  const firstGlob = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const base = segments.slice(0, firstGlob).join('/') || '/';
  const matcher = globToRegExp(segments.slice(firstGlob).join('/'));
  const found: string[] = [];
  await walk(base, '', matcher, pattern.includes('/.') || pattern.startsWith('.'), found, 0);
  return found.sort();
}

async function walk(base: string, relative: string, matcher: RegExp, dotted: boolean, found: string[], depth: number): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = await readdir(path.join(base, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || (entry.name.startsWith('.') && !dotted)) continue;
      await walk(base, child, matcher, dotted, found, depth + 1);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && matcher.test(child)) {
      found.push(path.join(base, child));
    }
  }
}

/** A glob over "/"-separated relative paths → an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else if (char === '{') {
      const close = glob.indexOf('}', i + 1);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${glob.slice(i + 1, close).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|')})`;
        i = close;
      }
    } else {
      source += char.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
