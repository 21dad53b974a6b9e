/**
 * `npm run demo`: starts the bundled Daytona + OCI simulator on a free 127.0.0.1 port and runs
 * the three seed workflows against it with the real CLI (`node bin/arazzo.js run ...`).
 * No account, no network.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPARTMENT_ID, DEFAULT_API_TOKEN, STOPPED_INSTANCE_ID, startSimulator } from './simulator/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface DemoRun {
  title: string;
  file: string;
  args: string[];
}

const simulator = await startSimulator();
const daytona = simulator.url;
const runs: DemoRun[] = [
  {
    title: 'Daytona: build a snapshot that lands inactive, then activate it',
    file: 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml',
    args: ['--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', 'name=demo-inactive-snapshot', '--input', 'imageName=ubuntu:22.04', '--input', 'cpu=2', '--server', `snapshotsApi=${daytona}`],
  },
  {
    title: 'Daytona: from a container image to a running sandbox',
    file: 'workflows/daytona-io-image-to-running-sandbox-workflow.yml',
    args: ['--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', 'snapshotName=demo-python', '--input', 'imageName=python:3.12-slim', '--server', `snapshotsApi=${daytona}`, '--server', `sandboxApi=${daytona}`],
  },
  {
    title: 'Oracle OCI: create a custom image from a stopped instance',
    file: 'workflows/oracle-create-custom-image-from-instance-workflow.yml',
    args: ['--input', `compartmentId=${COMPARTMENT_ID}`, '--input', `instanceId=${STOPPED_INSTANCE_ID}`, '--input', 'displayName=demo-custom-image', '--server', `ociComputeApi=${simulator.url}`],
  },
];

let failures = 0;
try {
  process.stdout.write(`Simulator of the Daytona and OCI APIs listening on ${simulator.url}\n`);
  for (const run of runs) {
    process.stdout.write(`\n=== ${run.title}\n$ arazzo run ${run.file} ${run.args.join(' ').replaceAll(DEFAULT_API_TOKEN, '***')} --poll-interval 200ms\n`);
    const code = await runCli(['run', run.file, ...run.args, '--poll-interval', '200ms']);
    if (code !== 0) failures++;
  }
  process.stdout.write(`\n${runs.length - failures} of ${runs.length} workflows succeeded; the simulator received ${simulator.requests.length} requests.\n`);
} finally {
  await simulator.close();
}
process.exitCode = failures === 0 ? 0 : 1;

function runCli(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/arazzo.js'), ...args], { cwd: root, stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}
