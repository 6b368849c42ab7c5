// The whole `tradeline read`: decoding, format detection, normalization, dedupe and currency
// conversion, through the same code as the CLI.
import { readCommand } from '../../cli/read-command.ts';

const [path = '', currency = 'USD'] = process.argv.slice(2);
const output = await readCommand(['--currency', currency, path]);
const file = output.files[0];
process.stdout.write(
  JSON.stringify({
    rows: file?.records ?? 0,
    format: file?.format,
    months: output.months.length,
    issues: file?.issues.length ?? 0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
