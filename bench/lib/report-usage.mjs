/**
 * Preloaded with `node --import` into every measured process (baselines too, so it costs both the
 * same): at exit, writes the process's CPU time and peak RSS to stderr on one line,
 * `BENCH_USAGE cpu_us=<n> max_rss_kb=<n>`. CPU time is the steadier figure on a busy machine.
 */
process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  process.stderr.write(`\nBENCH_USAGE cpu_us=${userCPUTime + systemCPUTime} max_rss_kb=${maxRSS}\n`);
});
