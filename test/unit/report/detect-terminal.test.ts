import { describe, expect, it } from 'vitest';
import { chooseProgressMode, isCi } from '../../../src/report/detect-terminal.js';

describe('issue 5 progress: live on a TTY; plain in CI, in pipes, with NO_COLOR', () => {
  const tty = { isTTY: true };
  it.each([
    [{ isTTY: false }, {}, undefined, 'plain'],
    [tty, {}, undefined, 'live'],
    [tty, { CI: 'true' }, undefined, 'plain'],
    [tty, { GITHUB_ACTIONS: 'true' }, undefined, 'plain'],
    [tty, { GITLAB_CI: 'true' }, undefined, 'plain'],
    [tty, { NO_COLOR: '1' }, undefined, 'plain'],
    [tty, { TERM: 'dumb' }, undefined, 'plain'],
    [tty, {}, false, 'plain'],
    [tty, { CI: 'false' }, undefined, 'live'],
  ] as const)('%o %o color=%s → %s', (stream, env, color, mode) => {
    expect(chooseProgressMode(stream, env, color)).toBe(mode);
  });

  it('CI=0 and CI= are not CI', () => {
    expect(isCi({ CI: '0' })).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
  });
});
