/**
 * The journal as the state file's JSON text, masked, encoded incrementally: a state file is
 * written after every transition, and a long poll's journal holds up to 200 timeline entries (and,
 * for --har, every exchange). Each entry is masked and stringified once, when first written, and
 * the text is reused until the redactor learns another secret (an entry written before then could
 * hold it): then everything is encoded again. Entries never change once recorded (run-journal.ts).
 */
import type { Redactor } from '../report/redact.js';
import type { JournalSnapshot, RunJournal } from '../report/run-journal.js';

export function createJournalEncoder(redactor: Redactor): (journal: RunJournal) => string {
  let encoded = new WeakMap<object, string>();
  let learned = -1;
  const encode = (item: object): string => {
    let text = encoded.get(item);
    if (text === undefined) {
      text = JSON.stringify(redactor.value(item));
      encoded.set(item, text);
    }
    return text;
  };
  const list = (items: readonly object[]): string => `[${items.map(encode).join(',')}]`;
  return (journal) => {
    if (redactor.secrets.length !== learned) {
      encoded = new WeakMap();
      learned = redactor.secrets.length;
    }
    const snapshot: JournalSnapshot = journal.snapshot();
    const { head, tail, exchanges, ...rest } = snapshot;
    const others = JSON.stringify(redactor.value(rest)).slice(1, -1);
    return `{"head":${list(head)},"tail":${list(tail)},"exchanges":${list(exchanges)},${others}}`;
  };
}
