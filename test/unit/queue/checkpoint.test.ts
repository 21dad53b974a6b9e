// Issue 15 carrying capacity: checkpoints are stored deflated in Redis, and read back whole.
import { describe, expect, it } from 'vitest';
import { packCheckpoint, unpackCheckpoint } from '../../../src/queue/job-data.js';

const withPolls = (polls: number) => ({
  root: '/tmp/arazzo-worker/q/documents/abc',
  text: JSON.stringify({ journal: { head: Array.from({ length: polls }, (_, i) => ({ workflowId: 'poll', stepId: 'poll', execution: i + 1, status: 'succeeded', statusCode: 200, startedAt: new Date(1_700_000_000_000 + i * 1003).toISOString(), durationMs: 2 + (i % 5) })) } }),
});

describe('issue 15 checkpoints in Redis', () => {
  it('round-trip: what is packed is what is read', () => {
    const checkpoint = withPolls(40);
    expect(unpackCheckpoint(packCheckpoint(checkpoint))).toEqual(checkpoint);
  });

  it('a checkpoint written as plain JSON (an earlier version) is still read', () => {
    const checkpoint = withPolls(3);
    expect(unpackCheckpoint(Buffer.from(JSON.stringify(checkpoint)))).toEqual(checkpoint);
  });

  it('a poll adds a few bytes to the stored checkpoint, not a whole timeline entry', () => {
    const grown = (polls: number): number => packCheckpoint(withPolls(polls)).length;
    const perPollStored = (grown(60) - grown(10)) / 50;
    const perPollText = (JSON.stringify(withPolls(60)).length - JSON.stringify(withPolls(10)).length) / 50;
    expect(perPollText).toBeGreaterThan(100);
    expect(perPollStored).toBeLessThan(perPollText / 5);
  });
});
