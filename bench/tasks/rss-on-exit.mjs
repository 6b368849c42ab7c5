// Preloaded (NODE_OPTIONS=--import) into every process `npm run bench` starts (tsx and the child
// it runs the script in, the real `tradeline` command included): reports
// the process's peak memory and CPU time (all its threads) on stderr when it exits, without
// touching the command's stdout.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(`\n${JSON.stringify({ maxRssMb: usage.maxRSS / 1024, cpuSeconds })}\n`);
});
