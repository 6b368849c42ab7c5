/**
 * Tradeline on the command line, with the extension's own code:
 *   npm run --silent tradeline -- read [--currency USD] FILE...
 *   npm run --silent tradeline -- profile [--currency USD] [--as-of YYYY-MM-DD] FILE...
 *   npm run --silent tradeline -- packet --channel ID [--business FILE.json] [--amount N] [--purpose TEXT] FILE...
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { PACKET_OPTIONS, PROFILE_OPTIONS, READ_OPTIONS } from './command-options.ts';
import { FileHashes } from './file-hashes.ts';
import { UsageError } from './usage-error.ts';

type Command = (args: string[], hashes: FileHashes) => Promise<unknown>;

/**
 * Each command's code is loaded when it runs: `read` needs the readers, not the profile, the
 * packet or zod (loading them took a third of the start-up CPU time, measured on a one-row file).
 */
const COMMANDS: Readonly<
  Record<string, { options: NonNullable<ParseArgsConfig['options']>; load: () => Promise<Command> }>
> = {
  read: { options: READ_OPTIONS, load: async () => (await import('./read-command.ts')).readCommand },
  profile: {
    options: PROFILE_OPTIONS,
    load: async () => (await import('./profile-command.ts')).profileCommand,
  },
  packet: { options: PACKET_OPTIONS, load: async () => (await import('./packet-command.ts')).packetCommand },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`Usage: tradeline <${Object.keys(COMMANDS).join('|')}> [options] FILE...\n`);
    return 2;
  }
  try {
    // Every command's positionals are report files: a second thread hashes them while the
    // command's code loads (a file is parsed once its hash, the records' import id, is known).
    const { positionals } = parseArgs({ args, options: command.options, allowPositionals: true });
    const hashes = new FileHashes(positionals);
    const output = await (await command.load())(args, hashes);
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
