/**
 * Tradeline on the command line, with the extension's own code:
 *   npm run --silent tradeline -- read [--currency USD] FILE...
 *   npm run --silent tradeline -- profile [--currency USD] [--as-of YYYY-MM-DD] FILE...
 *   npm run --silent tradeline -- packet --channel ID [--business FILE.json] [--amount N] [--purpose TEXT] FILE...
 */
import { UsageError } from './usage-error.ts';

type Command = (args: string[]) => Promise<unknown>;

/**
 * Each command's code is loaded when it runs: `read` needs the readers, not the profile, the
 * packet or zod (loading them took a third of the start-up CPU time, measured on a one-row file).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  read: async () => (await import('./read-command.ts')).readCommand,
  profile: async () => (await import('./profile-command.ts')).profileCommand,
  packet: async () => (await import('./packet-command.ts')).packetCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) {
    process.stderr.write(`Usage: tradeline <${Object.keys(COMMANDS).join('|')}> [options] FILE...\n`);
    return 2;
  }
  try {
    const output = await (await load())(args);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    // UsageError: ours. ERR_PARSE_ARGS_*: node:util parseArgs rejecting an unknown option.
    const parseArgsError =
      error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseArgsError) {
      process.stderr.write(`tradeline: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
