// Issue 11 "What users get": the journal is part of the state file, with no secret in it. The
// state file encodes it incrementally (src/cli/journal-json.ts); this pins that the text is the
// same as masking and stringifying the whole snapshot, also after a secret is learned late.
import { describe, expect, it } from 'vitest';
import { createJournalEncoder } from '../../../src/cli/journal-json.js';
import { createRedactor } from '../../../src/report/redact.js';
import { createRunJournal } from '../../../src/report/run-journal.js';
import { pollEvents } from '../report/run-events.js';

const whole = (redactor: ReturnType<typeof createRedactor>, journal: ReturnType<typeof createRunJournal>): unknown => JSON.parse(JSON.stringify(redactor.value(journal.snapshot())));

describe('issue 11 state file: the journal encoded once per entry', () => {
  it('gives the same JSON as masking the whole snapshot, event after event, with exchanges kept', () => {
    const redactor = createRedactor(['tok-secret-1']);
    const journal = createRunJournal({ keepExchanges: true, now: () => 1_000 });
    const encode = createJournalEncoder(redactor);
    for (const event of pollEvents()) {
      journal.onEvent(event);
      expect(JSON.parse(encode(journal))).toEqual(whole(redactor, journal));
    }
    expect(encode(journal)).not.toContain('tok-secret-1');
    expect(JSON.parse(encode(journal)).exchanges).toHaveLength(3);
  });

  it('a secret learned after entries were encoded is masked in them too', () => {
    const redactor = createRedactor();
    const journal = createRunJournal({ keepExchanges: true, now: () => 1_000 });
    const encode = createJournalEncoder(redactor);
    for (const event of pollEvents()) journal.onEvent(event);
    expect(encode(journal)).toContain('tok-secret-1');
    redactor.learn('tok-secret-1');
    expect(encode(journal)).not.toContain('tok-secret-1');
    expect(JSON.parse(encode(journal))).toEqual(whole(redactor, journal));
  });
});
