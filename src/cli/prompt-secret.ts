/**
 * Reads one line from the terminal with echo off, for a secret input that was not given (issue 12
 * item 16). Raw mode, so no character reaches the screen. Ctrl-D on an empty line gives undefined
 * (the run then stops with the usual missing-input error); Ctrl-C interrupts as it would without
 * raw mode (SIGINT, exit 130). Only used when stdin and stderr are both terminals, never in CI.
 */
import type { ReadStream } from 'node:tty';

export function promptHidden(stdin: ReadStream, stderr: { write(text: string): unknown }, label: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let value = '';
    const finish = (result: string | undefined): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return finish(value);
        if (char === '\u0003') {
          finish(undefined);
          process.kill(process.pid, 'SIGINT');
          return;
        }
        if (char === '\u0004' && value === '') return finish(undefined);
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    // Raw before the label shows, so nothing typed after seeing it is echoed.
    stdin.setRawMode(true);
    stderr.write(label);
    stdin.resume();
    stdin.on('data', onData);
  });
}
