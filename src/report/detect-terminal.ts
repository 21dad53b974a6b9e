/**
 * Which kind of progress output suits where we run: a live, redrawn line on an interactive
 * terminal; plain lines in CI, in pipes and files, with NO_COLOR, or on a dumb terminal.
 */
export type ProgressMode = 'live' | 'plain';

export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI;
  return (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') || env.GITHUB_ACTIONS === 'true' || env.GITLAB_CI !== undefined || env.BUILDKITE !== undefined;
}

export function chooseProgressMode(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>, colorFlag?: boolean): ProgressMode {
  if (!stream.isTTY || colorFlag === false || isCi(env)) return 'plain';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 'plain';
  if (env.TERM === 'dumb') return 'plain';
  return 'live';
}
