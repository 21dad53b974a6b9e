/** A poll run as events: create, then three polls of the same step, then a goto elsewhere. */
import type { RunEvent } from '../../../src/engine/events.js';

const w = 'build';
const request = { method: 'GET', url: 'http://api.test/s/1?token=tok-secret-1', headers: [['Authorization', 'Bearer tok-secret-1']] as Array<[string, string]> };

export function pollEvents(): RunEvent[] {
  const poll = (execution: number, state: string): RunEvent[] => [
    { type: 'step-start', workflowId: w, stepId: 'pollBuild', execution, attempt: execution },
    { type: 'request', workflowId: w, stepId: 'pollBuild', request },
    { type: 'response', workflowId: w, stepId: 'pollBuild', request, response: { status: 200, headers: { 'content-type': 'application/json' }, body: { state }, bodyText: `{"state":"${state}","token":"tok-secret-1"}`, durationMs: 5 } },
    { type: 'step-end', workflowId: w, stepId: 'pollBuild', succeeded: true, execution, statusCode: 200, outputs: { state }, durationMs: 5 },
  ];
  return [
    { type: 'workflow-start', workflowId: w, depth: 0 },
    { type: 'step-start', workflowId: w, stepId: 'create', execution: 1, attempt: 1 },
    { type: 'step-end', workflowId: w, stepId: 'create', succeeded: true, execution: 1, statusCode: 201, outputs: { state: 'pending' }, durationMs: 9 },
    ...poll(1, 'building'),
    { type: 'action', workflowId: w, stepId: 'pollBuild', name: 'again', actionType: 'goto', target: 'pollBuild' },
    { type: 'wait', workflowId: w, stepId: 'pollBuild', ms: 2000, reason: 'poll' },
    ...poll(2, 'building'),
    { type: 'action', workflowId: w, stepId: 'pollBuild', name: 'again', actionType: 'goto', target: 'pollBuild' },
    ...poll(3, 'active'),
    { type: 'action', workflowId: w, stepId: 'pollBuild', name: 'ready', actionType: 'goto', target: 'activate' },
    { type: 'step-start', workflowId: w, stepId: 'activate', execution: 1, attempt: 1 },
    { type: 'step-end', workflowId: w, stepId: 'activate', succeeded: false, execution: 1, statusCode: 409, reason: 'criterion "$statusCode == 200" did not pass', outputs: {}, durationMs: 4 },
    { type: 'workflow-end', workflowId: w, status: 'failed', outputs: {} },
  ];
}
