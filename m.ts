import v8 from 'node:v8';
for (const f of (process.env.FLAGS ?? '').split(' ').filter(Boolean)) v8.setFlagsFromString(f);
const { writePopulation } = await import('./generators/write_population.ts');
const t = performance.now();
await writePopulation('/tmp/q.ndjson', { persons: 60000, seed: 1, profile: 'balanced' });
const m = process.memoryUsage();
console.log(process.env.FLAGS, 'maxRSS', (process.resourceUsage().maxRSS/1024).toFixed(0), 'heapTotal', (m.heapTotal/1e6).toFixed(0), ((performance.now()-t)/1000).toFixed(1)+'s');
