// Baseline: the bare parse of the same bytes by a CSV parser alone (rows counted, nothing else).
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { CsvReader } from '../../lib/import/csv.ts';
import { StreamDecoder } from '../../lib/import/decode.ts';

const [path = '', delimiter = ',', parser = 'tradeline'] = process.argv.slice(2);
let rows = 0;
if (parser === 'tradeline') {
  const decoder = new StreamDecoder();
  const csv = new CsvReader(delimiter, () => {
    rows += 1;
  });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    csv.push(decoder.push(chunk as Buffer));
  csv.push(decoder.end());
  csv.end();
} else {
  await new Promise<void>((done) => {
    Papa.parse(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as File, {
      delimiter,
      step: () => {
        rows += 1;
      },
      complete: () => done(),
    });
  });
}
process.stdout.write(JSON.stringify({ rows }));
