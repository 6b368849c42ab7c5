// Baseline floor: split on newlines and the delimiter, sum one numeric column. No quoting, no
// encoding detection, no validation: nothing a real reader could skip.
import { createReadStream } from 'node:fs';

const [path = '', delimiter = ',', column = '8'] = process.argv.slice(2);
const col = Number(column);
let sum = 0;
let rows = 0;
let tail = '';
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (tail + chunk).split('\n');
  tail = lines.pop() ?? '';
  for (const line of lines) {
    const v = Number(line.split(delimiter)[col]);
    if (!Number.isNaN(v)) sum += v;
    rows += 1;
  }
}
process.stdout.write(JSON.stringify({ rows, check: Math.round(sum) }));
