// Cucumber support file added by certify(): applies --step-timeout in every process that loads the
// steps (parallel workers included). Loaded after the project's own support code so it wins.
import { setDefaultTimeout } from '@cucumber/cucumber';

// Not imported by anything: certify() sets MEMBERSPEC_STEP_TIMEOUT_MS in the workers' environment.
const ms = Number(process.env.MEMBERSPEC_STEP_TIMEOUT_MS);
if (Number.isInteger(ms) && ms > 0) setDefaultTimeout(ms);
