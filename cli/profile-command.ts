import { parseArgs } from 'node:util';
import { BUNDLED_CATALOG } from '../lib/channels/catalog/bundled.ts';
import { prequalifyAll } from '../lib/channels/prequalify.ts';
import { ProfileAccumulator } from '../lib/profile/input.ts';
import { computeProfile, profileForOutput } from '../lib/profile/profile.ts';
import { type ReadOutput, readFiles } from './read-command.ts';
import { UsageError } from './usage-error.ts';

/** `tradeline profile [--currency USD] [--as-of YYYY-MM-DD] FILE...`: the read output plus the credit profile. */
export async function profileCommand(
  args: string[],
): Promise<
  ReadOutput & { profile: ReturnType<typeof profileForOutput>; offers: ReturnType<typeof prequalifyAll> }
> {
  const { values, positionals } = parseArgs({
    args,
    options: { currency: { type: 'string', default: 'USD' }, 'as-of': { type: 'string' } },
    allowPositionals: true,
  });
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new UsageError(`--as-of ${asOf}: expected a date as YYYY-MM-DD.`);
  }
  const accumulator = new ProfileAccumulator();
  const output = await readFiles(values.currency ?? 'USD', positionals, {
    onAccepted: (entry) => accumulator.add(entry),
    onPeriod: (start, end) => accumulator.cover(start, end),
  });
  const { input, issues } = accumulator.build(output.currency, asOf);
  return {
    ...output,
    issues: [...output.issues, ...issues],
    profile: profileForOutput(computeProfile(input)),
    // Prequalification against the bundled catalog, computed here: nothing is sent anywhere.
    offers: prequalifyAll(BUNDLED_CATALOG.channels, { input }),
  };
}
