/**
 * `arazzo lint a.yml 'flows/**\/*.arazzo.yaml'`: plain paths must exist; glob patterns (* ? ** [..]
 * {a,b}) are expanded here with tinyglobby (imported only when a pattern is given), because a
 * shell may pass them through quoted, and Node 20 has no fs.glob. node_modules and
 * dot-directories are skipped unless the pattern names them. A pattern that names nothing, or
 * cannot name anything (a reversed range such as [z-a]), is a usage error.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

export interface ExpandedFiles {
  files: string[];
  /** One message per argument that named nothing: a usage error (exit 2). */
  problems: string[];
  /** Plain paths that do not exist (absolute): reported like any unreadable document, exit 2. */
  missing: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
const MAX_DEPTH = 32;
const isUrl = (text: string): boolean => /^https?:\/\//i.test(text);

export async function expandFilePatterns(patterns: readonly string[], cwd: string): Promise<ExpandedFiles> {
  const files: string[] = [];
  const problems: string[] = [];
  const missing: string[] = [];
  for (const pattern of patterns) {
    if (isUrl(pattern)) {
      files.push(pattern);
      continue;
    }
    if (!GLOB_CHARS.test(pattern)) {
      const problem = await checkPlainPath(pattern, cwd);
      if (problem === 'missing') missing.push(path.resolve(cwd, pattern));
      else if (problem) problems.push(problem);
      else files.push(path.resolve(cwd, pattern));
      continue;
    }
    const reversed = reversedRange(pattern);
    if (reversed) {
      problems.push(`"${pattern}" can match nothing: the range [${reversed}] is reversed (write [${[...reversed].reverse().join('')}])`);
      continue;
    }
    const matched = await expandGlob(pattern, cwd);
    if (matched.length === 0) problems.push(`no file matches "${pattern}"`);
    files.push(...matched);
  }
  return { files: [...new Set(files)], problems, missing };
}

async function checkPlainPath(file: string, cwd: string): Promise<string | 'missing' | undefined> {
  try {
    const info = await stat(path.resolve(cwd, file));
    return info.isDirectory() ? `${file} is a directory; pass files or a pattern such as "${path.join(file, '**', '*.arazzo.yaml')}"` : undefined;
  } catch {
    return 'missing';
  }
}

/** "z-a" when the pattern has a bracket expression [z-a] whose range runs backwards, else undefined. */
function reversedRange(pattern: string): string | undefined {
  for (const [, body] of pattern.matchAll(/\[!?([^\]]+)\]/g)) {
    for (const [range, from, to] of body!.matchAll(/(.)-(.)/gu)) {
      if (from!.codePointAt(0)! > to!.codePointAt(0)!) return range;
    }
  }
  return undefined;
}

/** The walk starts at the pattern's static prefix, so special characters in the directories above it need no escaping. */
async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const segments = path.resolve(cwd, pattern).split(path.sep).join('/').split('/');
  const firstGlob = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const base = segments.slice(0, firstGlob).join('/') || '/';
  const relative = segments.slice(firstGlob).join('/');
  const { glob } = await import('tinyglobby');
  const found = await glob(relative, {
    cwd: base,
    absolute: true,
    onlyFiles: true,
    dot: /(^|\/)\./.test(relative),
    deep: MAX_DEPTH,
    ignore: /(^|\/)node_modules(\/|$)/.test(relative) ? [] : ['**/node_modules/**'],
    expandDirectories: false,
  });
  return found.map((file) => path.resolve(file)).sort();
}
