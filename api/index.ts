// The programmatic surface of memberspec (the CLI is a thin shell around it).
export { certify, type CertifyOptions, type CertifyProgress, type CertifyResult } from './certify.ts';
export { serve, type ServeOptions, type RunningServer } from './serve.ts';
export { seed, type SeedOptions, type SeedReport, type SeedResult } from './seed.ts';
export { soak, type SoakOptions, type SoakReport, type SoakResult, type SoakRound } from './soak.ts';
export { UsageError } from './usage_error.ts';
