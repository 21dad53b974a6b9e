/**
 * Import directions (style.md §3): the core does no I/O and imports only rooms to its right;
 * edges may import the core; only cli/ and src/index.ts import edges. Reads the import lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');
// auth (issue 13) is pure: which credentials a request gets; tokens are fetched through a port.
const CORE = ['graph', 'engine', 'auth', 'plan', 'criteria', 'expressions', 'document', 'diagnostics'];
const EDGES = ['load', 'http', 'report', 'inputs', 'runtime', 'lint', 'config', 'checks'];
const CORE_FORBIDDEN = [/^node:(fs|net|http|https|child_process|tls|dgram|worker_threads)/, /^undici/, /^pino/, /^commander/, /^@apidevtools\//, /^ajv/];

interface ImportLine {
  file: string;
  room: string;
  target: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): ImportLine[] {
  const text = readFileSync(file, 'utf8');
  const room = path.relative(SRC, file).split(path.sep)[0]!;
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => {
    const specifier = m[1]!;
    const target = specifier.startsWith('.') ? `./${path.relative(SRC, path.resolve(path.dirname(file), specifier)).split(path.sep)[0]}` : specifier;
    return { file: path.relative(SRC, file), room, target };
  });
}

const all = listFiles(SRC).flatMap(importsOf);
const localRoom = (line: ImportLine): string | undefined => (line.target.startsWith('./') ? line.target.slice(2) : undefined);

describe('architecture (style.md §3 import direction)', () => {
  it('reads a real source tree', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('core rooms import only rooms to their right', () => {
    const bad = all.filter((line) => {
      const from = CORE.indexOf(line.room);
      const to = localRoom(line);
      if (from < 0 || to === undefined || to === line.room) return false;
      const target = CORE.indexOf(to);
      return target < 0 || target < from;
    });
    expect(bad).toEqual([]);
  });

  it('the core does no I/O and loads no CLI, logging or HTTP library', () => {
    const bad = all.filter((line) => CORE.includes(line.room) && CORE_FORBIDDEN.some((pattern) => pattern.test(line.target)));
    expect(bad).toEqual([]);
  });

  it('issue 15: only src/queue loads BullMQ and ioredis (lazily: no static import outside type positions)', () => {
    const bad = all.filter((line) => /^(bullmq|ioredis)$/.test(line.target) && line.room !== 'queue');
    expect(bad).toEqual([]);
    expect(all.some((line) => line.room === 'queue' && line.target === 'bullmq')).toBe(true);
  });

  it('only src/http imports undici; only criteria/jsonpath.ts imports JSONPath engines; only src/load imports swagger-parser', () => {
    const bad = all.filter(
      (line) =>
        (/^undici/.test(line.target) && line.room !== 'http') ||
        (/^(json-p3|jsonpath-plus)/.test(line.target) && line.file !== path.join('criteria', 'jsonpath.ts')) ||
        (/^@apidevtools\/swagger-parser/.test(line.target) && line.room !== 'load'),
    );
    expect(bad).toEqual([]);
  });

  it('only the CLI reads the config file (src/config, issue 12 item 13)', () => {
    const bad = all.filter((line) => localRoom(line) === 'config' && line.room !== 'config' && line.room !== 'cli');
    expect(bad).toEqual([]);
    expect(all.some((line) => line.room === 'cli' && localRoom(line) === 'config')).toBe(true);
  });

  it('issue 11: load/ never imports lint/ (the front half is joined in cli/load-plan.ts)', () => {
    const bad = all.filter((line) => line.room === 'load' && localRoom(line) === 'lint');
    expect(bad).toEqual([]);
  });

  it('edges never import the CLI', () => {
    const bad = all.filter((line) => EDGES.includes(line.room) && localRoom(line) === 'cli');
    expect(bad).toEqual([]);
  });
});
