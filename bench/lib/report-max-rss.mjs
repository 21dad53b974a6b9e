/**
 * Preloaded with `node --import` into a CLI run: at exit, writes the process's peak RSS to stderr
 * as `BENCH_MAX_RSS_KB=<n>` (process.resourceUsage().maxRSS is in kilobytes).
 */
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
