/**
 * zod, set up once for every schema the browser runs (exercises, checks, goals, rule templates).
 * zod 4 compiles a fast parser for each object schema with `new Function` unless told not to, and
 * its probe for that (`allowsEval`) is itself an eval: under the site's Content-Security-Policy
 * (script-src without 'unsafe-eval') each probe is a reported policy violation. jitless parsing
 * is zod's interpreter, the same results without eval (zod@4: v4/core/schemas.js, `globalConfig.jitless`).
 * The config must be set before the first `z.object()` is built, so schemas import `z` from here.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
