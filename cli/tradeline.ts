/**
 * Tradeline on the command line, with the extension's own code:
 *   npm run --silent tradeline -- read [--currency USD] FILE...
 *   npm run --silent tradeline -- profile [--currency USD] [--as-of YYYY-MM-DD] FILE...
 *   npm run --silent tradeline -- packet --channel ID [--business FILE.json] [--amount N] [--purpose TEXT] FILE...
 */
import { packetCommand } from './packet-command.ts';
import { profileCommand } from './profile-command.ts';
import { readCommand, UsageError } from './read-command.ts';

const COMMANDS: Readonly<Record<string, (args: string[]) => Promise<unknown>>> = {
  read: readCommand,
  profile: profileCommand,
  packet: packetCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`Usage: tradeline <${Object.keys(COMMANDS).join('|')}> [options] FILE...\n`);
    return 2;
  }
  try {
    const output = await command(args);
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
