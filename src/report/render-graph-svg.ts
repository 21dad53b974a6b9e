/**
 * DOT → SVG in-process with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz): no
 * browser, no system Graphviz. Loaded only when an SVG is asked for.
 */
export async function renderSvg(dot: string): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot, 'svg');
}
