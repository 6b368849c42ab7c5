// Preloaded (NODE_OPTIONS=--import) into the real `tradeline` command by `npm run bench`: reports
// the process's peak memory on stderr when it exits, without touching the command's stdout.
process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
