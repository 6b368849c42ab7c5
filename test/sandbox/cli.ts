import { parseArgs } from 'node:util';
import { DEFAULT_SPEED, startSandbox } from './server.ts';

/** `npm run sandbox -- [--port 8787] [--speed N] [--quiet]`: the sandbox lenders on loopback. */

const USAGE = `Usage: npm run sandbox -- [--port 8787] [--speed ${DEFAULT_SPEED}] [--quiet]

  --port   where to listen on 127.0.0.1 (0 = any free port; default 8787)
  --speed  lender time runs N times faster (default ${DEFAULT_SPEED}: a day of review in a minute)
  --quiet  do not print one line per request`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { port?: string; speed?: string; quiet?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      speed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port ?? 8787);
const speed = Number(values.speed ?? DEFAULT_SPEED);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port must be 0 to 65535, got ${values.port}`);
if (!Number.isFinite(speed) || speed <= 0) fail(`--speed must be a positive number, got ${values.speed}`);

const sandbox = await startSandbox({
  port,
  speed,
  log: values.quiet ? undefined : (line) => console.log(line),
});
const minutesPerDay = 1440 / speed;
console.log(`Tradeline sandbox lenders at ${sandbox.origin}`);
console.log(`  catalog   ${sandbox.origin}/lenders`);
for (const channel of sandbox.catalog.channels) {
  if (channel.submission.kind === 'api')
    console.log(`  ${channel.model.padEnd(16)} ${channel.submission.baseUrl}`);
}
console.log(
  `  speed     ${speed}x (a nominal day passes in ${minutesPerDay >= 1 ? `${minutesPerDay.toFixed(1)} min` : `${(minutesPerDay * 60).toFixed(1)} s`})`,
);
console.log(`  faults    POST ${sandbox.origin}/__faults   health  GET ${sandbox.origin}/__health`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
