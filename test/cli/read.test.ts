import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = resolve('node_modules/.bin/tsx');
const CLI = resolve('cli/tradeline.ts');

async function tradeline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const HEADER =
  'Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Available On,Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency';

function file(name: string, rows: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tradeline-cli-'));
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...rows].join('\n')}\n`);
  return path;
}

const MAY =
  '2025-05-03 10:00:00 -0400,charge,#1,visa,online,paid,2025-05-05,2025-05-05,100.00,3.20,96.80,#c1,card,100.00,USD,USD';
const JUNE =
  '2025-06-03 10:00:00 -0400,charge,#2,visa,online,paid,2025-06-05,2025-06-05,50.00,1.75,48.25,#c2,card,50.00,USD,USD';
const JUNE_REFUND =
  '2025-06-09 10:00:00 -0400,refund,#1,visa,online,paid,2025-06-11,2025-06-11,-20.00,0.00,-20.00,#c1,card,20.00,USD,USD';

describe('tradeline read', () => {
  it('prints formats, records, issues and monthly totals as JSON', async () => {
    const path = file('payment_transactions_export_1.csv', [
      JUNE,
      MAY,
      JUNE_REFUND,
      'oops,charge,#3,visa,online,paid,,,1.00,0,1,#c3,card,1,USD,USD',
    ]);
    const { code, stdout } = await tradeline('read', path);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.currency).toBe('USD');
    expect(out.files).toEqual([
      {
        file: path,
        format: 'shopify-payments-transactions',
        records: 5,
        issues: [
          { row: 5, field: 'Transaction Date', message: '"oops" is not a date; the row was skipped.' },
        ],
      },
    ]);
    expect(out.months).toEqual([
      { month: '2025-05', orders: 1, grossSales: 100, refunds: 0, fees: 3.2, payouts: 0 },
      { month: '2025-06', orders: 1, grossSales: 50, refunds: 20, fees: 1.75, payouts: 0 },
    ]);
  });

  it('counts overlapping files once', async () => {
    const a = file('a.csv', [MAY, JUNE]);
    const b = file('b.csv', [JUNE, JUNE_REFUND]);
    const out = JSON.parse((await tradeline('read', a, b)).stdout);
    expect(out.files.map((f: { records: number }) => f.records)).toEqual([4, 3]);
    expect(out.months[1]).toEqual({
      month: '2025-06',
      orders: 1,
      grossSales: 50,
      refunds: 20,
      fees: 1.75,
      payouts: 0,
    });
  });

  it('converts to --currency at each month rate', async () => {
    const out = JSON.parse((await tradeline('read', '--currency', 'EUR', file('x.csv', [JUNE]))).stdout);
    expect(out.currency).toBe('EUR');
    // 50.00 USD at the 2025-06 rate of the bundled table
    expect(out.months[0].grossSales).toBeGreaterThan(40);
    expect(out.months[0].grossSales).toBeLessThan(50);
  });

  it('exits 2 naming the file and the known formats, printing nothing, for an unknown file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradeline-cli-'));
    const path = join(dir, 'todo.csv');
    writeFileSync(path, 'task,done\nbuy stamps,no\n');
    const { code, stdout, stderr } = await tradeline('read', file('ok.csv', [MAY]), path);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${path}: not a report format Tradeline knows. Known formats:`);
    expect(stderr).toContain('shopify-payments-transactions (Shopify Payments transactions export)');
  });

  it('exits 2 for a missing file or an unknown currency', async () => {
    expect(await tradeline('read', '/nonexistent/x.csv')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'tradeline: /nonexistent/x.csv: no such file.\n',
    });
    const bad = await tradeline('read', '--currency', 'XYZ', file('x.csv', [MAY]));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--currency XYZ: no bundled exchange rates for it.');
  });
});

describe('tradeline profile', () => {
  it('adds the profile to the read output, reproducible with --as-of', async () => {
    const rows: string[] = [];
    for (let m = 1; m <= 12; m++) {
      const month = String(m).padStart(2, '0');
      rows.push(
        `2025-${month}-05 10:00:00 -0400,charge,#a${m},visa,online,paid,2025-${month}-07,2025-${month}-07,1000.00,29.30,970.70,#c${m},card,1000.00,USD,USD`,
      );
      rows.push(
        `2025-${month}-20 10:00:00 -0400,charge,#b${m},visa,online,paid,2025-${month}-22,2025-${month}-22,500.00,14.80,485.20,#d${m},card,500.00,USD,USD`,
      );
    }
    rows.push(
      '2025-12-21 10:00:00 -0400,refund,#b12,visa,online,paid,2025-12-23,2025-12-23,-150.00,0.00,-150.00,#d12,card,150.00,USD,USD',
    );
    const path = file('payments_2025.csv', rows);
    const a = await tradeline('profile', '--as-of', '2026-01-10', path);
    const b = await tradeline('profile', '--as-of', '2026-01-10', path);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const { profile, months } = JSON.parse(a.stdout);
    expect(months).toHaveLength(12);
    expect(profile.metrics).toMatchObject({
      monthsOfHistory: 12,
      ttmSales: 18_000,
      avgMonthlySales: 1_500,
      lowestMonthSales: 1_500,
      refundRate: 150 / 18_000,
      dataFreshnessDays: 20,
    });
    expect(profile.band).toMatch(/^[A-E]$/);
    expect(profile.score).toBe(profile.factors.reduce((n: number, f: { points: number }) => n + f.points, 0));
    expect(profile.reasons).toContainEqual({
      code: 'low_sales',
      message: 'Average monthly sales of $1,500 are below $5,000',
      params: ['$1,500', '$5,000'],
    });
    expect(profile.capacity.basis).toContain('lowest monthly net sales of the last 6 months');
    const { offers } = JSON.parse(a.stdout);
    const direct = offers.find((o: { channelId: string }) => o.channelId === 'sandbox-platform-direct');
    // 12 months of 1,500 of sales: 10% of TTM gross sales (18,000) = 1,800; 10% fee
    expect(direct).toMatchObject({
      model: 'platform-direct',
      eligible: true,
      amount: 1_800,
      fee: 180,
      gaps: [],
    });
    const p2p = offers.find((o: { channelId: string }) => o.channelId === 'sandbox-p2p');
    expect(p2p.eligible).toBe(false);
    expect(p2p.gaps).toContainEqual({
      code: 'ttmSales_low',
      message: 'sales of the last 12 months 18,000 USD below 50,000 USD',
      params: ['18,000 USD', '50,000 USD'],
    });
  });

  it('rejects a malformed --as-of', async () => {
    const bad = await tradeline('profile', '--as-of', '15/01/2026', file('x.csv', [MAY]));
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--as-of 15/01/2026: expected a date as YYYY-MM-DD.');
  });
});

describe('tradeline packet', () => {
  it('prints the packet and its consent sheet; business fields not given are marked', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => {
      const m = String(i + 4).padStart(2, '0');
      return `2025-${m}-05 10:00:00 -0400,charge,#p${i},visa,online,paid,2025-${m}-07,2025-${m}-07,3000.00,87.30,2912.70,#c${i},card,3000.00,USD,USD`;
    });
    const path = file('payments.csv', rows);
    const out = await tradeline(
      'packet',
      '--channel',
      'sandbox-platform-direct',
      '--as-of',
      '2025-10-20',
      path,
    );
    expect(out.code).toBe(0);
    const { notYetGiven, consentSheet, packet } = JSON.parse(out.stdout);
    expect(notYetGiven).toEqual(['business.legalName', 'business.country', 'business.contactEmail']);
    expect(consentSheet.rows.find((r: { field: string }) => r.field === 'business.contactEmail').value).toBe(
      'not yet given',
    );
    expect(packet.channelId).toBe('sandbox-platform-direct');
    expect(packet.business).toBeUndefined();
    expect(packet.requested.amount).toEqual({ amount: 1_800_00, currency: 'USD' }); // the prequalified amount: 10% of 18,000
    expect(packet.consent.recipient.channelId).toBe('sandbox-platform-direct');

    const dir = mkdtempSync(join(tmpdir(), 'tradeline-cli-'));
    const biz = join(dir, 'business.json');
    writeFileSync(
      biz,
      JSON.stringify({
        legalName: 'Acme Exports Ltd',
        country: 'GB',
        contactEmail: 'ops@acme.example',
        contactPhone: '+44 20 0000 0000',
      }),
    );
    const given = JSON.parse(
      (
        await tradeline(
          'packet',
          '--channel',
          'sandbox-platform-direct',
          '--business',
          biz,
          '--as-of',
          '2025-10-20',
          path,
        )
      ).stdout,
    );
    expect(given.notYetGiven).toEqual([]);
    // The phone was given but the channel does not ask for it: it is not sent.
    expect(given.packet.business).toEqual({
      legalName: 'Acme Exports Ltd',
      country: 'GB',
      contactEmail: 'ops@acme.example',
    });
  });

  it("names each file given by its own SHA-256 in the packet's provenance", async () => {
    const may = file('may.csv', [MAY]);
    const june = file('june.csv', [JUNE, JUNE_REFUND]);
    // Each file's SHA-256 is its import id and its provenance: each must be its own file's.
    const out = await tradeline(
      'packet',
      '--channel',
      'sandbox-bank-partnered',
      '--as-of',
      '2025-10-20',
      may,
      june,
      may,
    );
    expect(out.code).toBe(0);
    const { packet } = JSON.parse(out.stdout);
    const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(packet.provenance).toEqual([
      expect.objectContaining({ format: 'shopify-payments-transactions', rows: 1, sha256: sha256(may) }),
      expect.objectContaining({ format: 'shopify-payments-transactions', rows: 2, sha256: sha256(june) }),
      expect.objectContaining({ format: 'shopify-payments-transactions', rows: 1, sha256: sha256(may) }),
    ]);
  });

  it('rejects an unknown channel and a malformed business file', async () => {
    const path = file('p.csv', [MAY]);
    const unknown = await tradeline('packet', '--channel', 'nope', path);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('--channel nope: no such channel. Channels: sandbox-bank-partnered');
    const dir = mkdtempSync(join(tmpdir(), 'tradeline-cli-'));
    const biz = join(dir, 'b.json');
    writeFileSync(biz, JSON.stringify({ contactEmail: 'not-an-email' }));
    const bad = await tradeline('packet', '--channel', 'sandbox-p2p', '--business', biz, path);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('contactEmail');
  });
});
