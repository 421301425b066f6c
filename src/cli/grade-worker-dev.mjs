// Runs grade-worker.ts from the TypeScript sources (tests, a checkout without a build).
import { register } from 'tsx/esm/api';

register();
await import('./grade-worker.ts');
