import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { consentReceipt, consentSheet } from '../lib/applications/consent.ts';
import { buildPacket, missingFields, type PacketSources } from '../lib/applications/packet.ts';
import { BUNDLED_CATALOG } from '../lib/channels/catalog/bundled.ts';
import { prequalify } from '../lib/channels/prequalify.ts';
import { BusinessDetails } from '../lib/domain/application.ts';
import { minorUnitExponent } from '../lib/money/currencies.ts';
import { ProfileAccumulator } from '../lib/profile/input.ts';
import { computeProfile } from '../lib/profile/profile.ts';
import { readFiles } from './read-command.ts';
import { UsageError } from './usage-error.ts';

/**
 * `tradeline packet --channel ID [--business FILE.json] [--amount N] [--purpose TEXT] FILE...`:
 * the packet that would be sent to one channel, with its consent sheet and receipt, so anyone
 * can see outside the browser exactly what leaves it. Nothing is sent.
 */
export async function packetCommand(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      channel: { type: 'string' },
      business: { type: 'string' },
      amount: { type: 'string' },
      purpose: { type: 'string', default: 'Working capital: inventory' },
      currency: { type: 'string', default: 'USD' },
      'as-of': { type: 'string' },
    },
    allowPositionals: true,
  });
  const channel = BUNDLED_CATALOG.channels.find((c) => c.id === values.channel);
  if (!channel) {
    throw new UsageError(
      `--channel ${values.channel ?? '(missing)'}: no such channel. Channels: ${BUNDLED_CATALOG.channels.map((c) => c.id).join(', ')}.`,
    );
  }
  let business: PacketSources['business'] = {};
  if (values.business) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.business, 'utf8'));
    } catch (error) {
      throw new UsageError(
        `--business ${values.business}: not a readable JSON file (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    const parsed = BusinessDetails.partial().safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new UsageError(`--business ${values.business}: ${first?.path.join('.')}: ${first?.message}`);
    }
    business = parsed.data;
  }
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  const accumulator = new ProfileAccumulator();
  const sources: PacketSources['sources'][number][] = [];
  const read = await readFiles(values.currency ?? 'USD', positionals, {
    onAccepted: (entry) => accumulator.add(entry),
    onPeriod: (start, end) => accumulator.cover(start, end),
    onFile: (file) => sources.push(file),
  });
  const { input } = accumulator.build(read.currency, asOf);
  const profile = computeProfile(input);
  const offer = prequalify(channel, { input });
  const currency = channel.sizing.currency;
  const amountMajor = values.amount !== undefined ? Number(values.amount) : offer.amount;
  if (values.amount !== undefined && !(Number(values.amount) > 0))
    throw new UsageError(`--amount ${values.amount}: expected a positive number.`);
  const requested = {
    ...(amountMajor
      ? { amount: { amount: Math.round(amountMajor * 10 ** minorUnitExponent(currency)), currency } }
      : {}),
    ...(values.purpose ? { purpose: values.purpose } : {}),
  };
  const s: PacketSources = { channel, requested, business, profile, input, sources };
  const sheet = consentSheet(s);
  const receipt = consentReceipt(s, sheet, new Date(), crypto.randomUUID());
  return {
    channel: {
      id: channel.id,
      name: channel.name,
      model: channel.model,
      submission: channel.submission.kind,
    },
    notYetGiven: missingFields(s),
    consentSheet: sheet,
    packet: buildPacket(s, receipt),
  };
}
