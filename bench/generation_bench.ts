// Population generation: rate as a ratio to raw Faker producing the same fields in the same run
// (target >= 0.5x), and peak memory (RSS) of a whole `generate` run for 100k and 1M persons in a child
// process (target: flat, under 150 MB).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Faker } from '@faker-js/faker';
import { faker as fakerAR } from '@faker-js/faker/locale/ar';
import { faker as fakerEN } from '@faker-js/faker/locale/en';
import { faker as fakerEN_IN } from '@faker-js/faker/locale/en_IN';
import { faker as fakerID_ID } from '@faker-js/faker/locale/id_ID';
import { faker as fakerZH_CN } from '@faker-js/faker/locale/zh_CN';
import { generatePopulation } from '../generators/generate_population.ts';
import { MARKETS, SELLING_SOURCES } from '../generators/markets.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RATE_PERSONS = Number(process.env.BENCH_GEN_RATE_PERSONS ?? 20_000);
const RATE_PASSES = Number(process.env.BENCH_GEN_PASSES ?? 3);
const MEMORY_SIZES = (process.env.BENCH_GEN_MEMORY_PERSONS ?? '100000,1000000').split(',').filter(Boolean).map(Number);

const FAKERS: readonly Faker[] = [fakerEN_IN, fakerID_ID, fakerZH_CN, fakerEN, fakerAR];
const SOURCE_WEIGHTS = MARKETS.IN.sources.map(([value, weight]) => ({ value, weight }));

/**
 * Raw Faker producing the fields of a balanced population, built and serialised the same way: per person
 * a name, one to four profiles (weights as the generator's), each with a source (the generator's weights),
 * an email, a mobile, their channels and subscriptions, a date, and for selling sources purchases with line
 * items (product name, price, quantity), drawn with the generator's weights.
 */
function rawFaker(persons: number): number {
  let bytes = 0;
  for (const f of FAKERS) f.seed(1);
  for (let i = 0; i < persons; i++) {
    const f = FAKERS[i % FAKERS.length];
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    const profiles = f.helpers.weightedArrayElement([{ value: 1, weight: 45 }, { value: 2, weight: 30 }, { value: 3, weight: 17 }, { value: 4, weight: 8 }]);
    let lines = '';
    for (let p = 0; p < profiles; p++) {
      const mobile = f.phone.number();
      const email = f.internet.email({ firstName, lastName });
      const source = f.helpers.weightedArrayElement(SOURCE_WEIGHTS);
      const purchases = SELLING_SOURCES.has(source) ? f.helpers.weightedArrayElement([{ value: 0, weight: 35 }, { value: 1, weight: 25 }, { value: 2, weight: 15 }, { value: 3, weight: 10 }, { value: 4, weight: 8 }, { value: 6, weight: 7 }]) : 0;
      const transactions = [];
      for (let t = 0; t < purchases; t++) {
        const lineItems = [];
        const items = f.number.int({ min: 1, max: 4 });
        for (let k = 0; k < items; k++) {
          const rate = Number(f.commerce.price());
          const qty = f.number.int({ min: 1, max: 3 });
          lineItems.push({ sku: f.string.alphanumeric(6), description: f.commerce.productName(), qty, rate, amount: qty * rate });
        }
        transactions.push({ billNumber: f.string.alphanumeric(7), billDate: f.date.past().toISOString(), storeCode: f.string.alpha(6), lineItems });
      }
      lines +=
        JSON.stringify({
          profileId: f.string.alphanumeric(8),
          source,
          firstName,
          lastName,
          identifiers: [
            { type: 'mobile', value: mobile },
            { type: 'email', value: email },
          ],
          createDate: f.date.past().toISOString(),
          commChannels: [
            { type: 'mobile', value: mobile, primary: true, verified: f.datatype.boolean(), subscribed: f.datatype.boolean() },
            { type: 'email', value: email, primary: true, verified: f.datatype.boolean(), subscribed: f.datatype.boolean() },
          ],
          subscriptions: ['SMS', 'EMAIL'].flatMap((channel) =>
            ['TRANS', 'BULK'].map((type) => ({ channel, type, status: f.helpers.arrayElement(['OPTIN', 'OPTOUT']) })),
          ),
          transactions,
        }) + '\n';
    }
    bytes += lines.length;
  }
  return bytes;
}

function memberspecGenerator(persons: number): number {
  let bytes = 0;
  for (const chunk of generatePopulation({ persons, seed: 1, profile: 'balanced' })) bytes += chunk.population.length + chunk.truth.length;
  return bytes;
}

function rate(run: (persons: number) => number): number {
  const started = performance.now();
  run(RATE_PERSONS);
  return RATE_PERSONS / ((performance.now() - started) / 1000);
}

async function peakMemory(persons: number): Promise<{ maxRssMb: number; seconds: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-gen-bench-'));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'generation_memory_child.ts'), String(persons), path.join(dir, 'people.ndjson')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`generation child for ${persons} persons exited with ${code}`);
    return JSON.parse(out) as { maxRssMb: number; seconds: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureGeneration(): Promise<void> {
  console.log(`Population generation (balanced profile; rate: ${RATE_PASSES} interleaved passes of ${RATE_PERSONS} persons, after a warm-up)`);
  memberspecGenerator(2_000);
  rawFaker(2_000);
  const ours: number[] = [];
  const raw: number[] = [];
  for (let pass = 1; pass <= RATE_PASSES; pass++) {
    ours.push(rate(memberspecGenerator));
    raw.push(rate(rawFaker));
    process.stderr.write(`pass ${pass} of ${RATE_PASSES}: generate ${ours.at(-1)!.toFixed(0)}, raw Faker ${raw.at(-1)!.toFixed(0)} persons/s\n`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const each = ours.map((r, i) => r / raw[i]);
  console.log(
    `  generate / raw Faker (same fields)        ${(mean(ours) / mean(raw)).toFixed(2)}x  (passes ${Math.min(...each).toFixed(2)}-${Math.max(...each).toFixed(2)})   target >= 0.50x`,
  );
  console.log(`  generate: ${mean(ours).toFixed(0)} persons/s, raw Faker: ${mean(raw).toFixed(0)} persons/s`);
  for (const persons of MEMORY_SIZES) {
    const { maxRssMb, seconds } = await peakMemory(persons);
    console.log(`  peak RSS, ${persons.toLocaleString('en')} persons to a file: ${maxRssMb.toFixed(0)} MB (${seconds.toFixed(0)} s)   target < 150 MB, flat`);
  }
}
