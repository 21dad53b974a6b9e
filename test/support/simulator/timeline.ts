// Resource progress is a fixed list of states walked one step per GET, so
// tests and the demo see the same sequence every run (no clocks, no timers).
// states[0] is what the creating call returns; the n-th GET shows states[n],
// and the last state sticks.

export interface Timeline<S> {
  readonly states: readonly S[];
  seen: number;
}

export function startTimeline<S>(states: readonly S[]): Timeline<S> {
  if (states.length === 0) throw new Error('a timeline needs at least one state');
  return { states, seen: 0 };
}

export function currentState<S>(t: Timeline<S>): S {
  return t.states[Math.min(t.seen, t.states.length - 1)] as S;
}

/** Count one GET and return the state it should show. */
export function advance<S>(t: Timeline<S>): S {
  t.seen += 1;
  return currentState(t);
}
