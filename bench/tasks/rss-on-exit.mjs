// Preloaded (NODE_OPTIONS=--import) into every process `npm run bench` starts (tsx and the child
// it runs the script in, the real `tradeline` command included): reports
// the process's peak memory on stderr when it exits, without touching the command's stdout.
process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
