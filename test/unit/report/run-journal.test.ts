import { describe, expect, it } from 'vitest';
import { createRunJournal, TIMELINE_EDGE } from '../../../src/report/run-journal.js';
import { runResultToJson } from '../../../src/report/run-result-json.js';
import { succeeded } from './run-result-fixtures.js';
import { pollEvents } from './run-events.js';

describe('issue 5 reports: the journal behind --report json, junit and --har', () => {
  it('records every step execution with its start and duration, and each workflow status', () => {
    let clock = Date.UTC(2026, 0, 1);
    const journal = createRunJournal({ keepExchanges: false, now: () => (clock += 10) });
    pollEvents().forEach(journal.onEvent);
    expect(journal.timeline.map((t) => `${t.stepId}#${t.execution}:${t.status}`)).toEqual(['create#1:succeeded', 'pollBuild#1:succeeded', 'pollBuild#2:succeeded', 'pollBuild#3:succeeded', 'activate#1:failed']);
    expect(journal.timeline[0]!.startedAt).toMatch(/^2026-01-01T00:00:00\.\d{3}Z$/);
    expect([...journal.workflows]).toEqual([['build', 'failed']]);
  });

  it('each workflow\'s wall time runs from its start to its end (JUnit suite time), summed over its runs', () => {
    let clock = 0;
    const journal = createRunJournal({ keepExchanges: false, now: () => clock });
    const at = (ms: number, event: Parameters<typeof journal.onEvent>[0]): void => {
      clock = ms;
      journal.onEvent(event);
    };
    at(100, { type: 'workflow-start', workflowId: 'root', depth: 0 });
    at(150, { type: 'workflow-start', workflowId: 'child', depth: 1 });
    at(180, { type: 'workflow-end', workflowId: 'child', status: 'succeeded', outputs: {} });
    at(200, { type: 'workflow-start', workflowId: 'child', depth: 1 });
    at(260, { type: 'workflow-end', workflowId: 'child', status: 'failed', outputs: {} });
    at(400, { type: 'workflow-end', workflowId: 'root', status: 'failed', outputs: {} });
    expect([...journal.workflowDurations]).toEqual([['child', 90], ['root', 300]]);
  });

  it('keeps exchanges only when a HAR is asked for', () => {
    const without = createRunJournal({ keepExchanges: false });
    const withHar = createRunJournal({ keepExchanges: true });
    for (const event of pollEvents()) {
      without.onEvent(event);
      withHar.onEvent(event);
    }
    expect(without.exchanges).toHaveLength(0);
    expect(withHar.exchanges.map((e) => e.stepId)).toEqual(['pollBuild', 'pollBuild', 'pollBuild']);
  });

  it('the --json result carries the timeline, the workflows and the interrupting signal', () => {
    const journal = createRunJournal({ keepExchanges: false });
    pollEvents().forEach(journal.onEvent);
    const json = runResultToJson(succeeded, '/', { journal, interruptedBy: 'SIGTERM' });
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['workflowId', 'status', 'outputs', 'endedBy', 'steps', 'error', 'timeline', 'workflows', 'startedAt', 'interruptedBy']));
    expect((json.timeline as unknown[]).length).toBe(5);
  });
});

describe('issue 7 bounded memory: a long poll keeps the edges of the timeline, not every iteration', () => {
  const stepEnd = (execution: number): Parameters<ReturnType<typeof createRunJournal>['onEvent']>[0] => ({
    type: 'step-end', workflowId: 'w', stepId: 'poll', succeeded: true, execution, statusCode: 200, outputs: {}, durationMs: 1,
  });

  it('keeps the first and last TIMELINE_EDGE executions and counts the rest', () => {
    const journal = createRunJournal({ keepExchanges: false });
    for (let i = 1; i <= 1000; i++) journal.onEvent(stepEnd(i));
    const executions = journal.timeline.map((t) => t.execution);
    expect(executions).toHaveLength(2 * TIMELINE_EDGE);
    expect(executions.slice(0, 2)).toEqual([1, 2]);
    expect(executions.at(-1)).toBe(1000);
    expect(executions[TIMELINE_EDGE]).toBe(1000 - TIMELINE_EDGE + 1);
    expect(journal.timelineOmitted).toBe(1000 - 2 * TIMELINE_EDGE);
    expect(runResultToJson(succeeded, '/', { journal }).timelineOmitted).toBe(800);
  });

  it('keeps every execution when a JSON report asks for the whole timeline', () => {
    const journal = createRunJournal({ keepExchanges: false, keepFullTimeline: true });
    for (let i = 1; i <= 1000; i++) journal.onEvent(stepEnd(i));
    expect(journal.timeline).toHaveLength(1000);
    expect(journal.timelineOmitted).toBe(0);
    expect(runResultToJson(succeeded, '/', { journal })).not.toHaveProperty('timelineOmitted');
  });
});
