import { generatePopulation } from './generators/generate_population.ts';
for (const profile of ['balanced','merge-heavy','dual-eligibility']) {
let n=0; const t=performance.now(); 
for (const c of generatePopulation({ persons: 20000, seed: 7, profile })) { n+=c.population.length; }
console.log(profile, (20000/((performance.now()-t)/1000)).toFixed(0), 'persons/s');
}
