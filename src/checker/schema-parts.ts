/**
 * Schema pieces the rule templates, exercise checks and shell goals share, as functions of the
 * zod they are given (rule.ts RuleTemplate: a template module never loads zod itself).
 */
import type { Zod } from './rule.ts';

/** A regular expression, as a string that `new RegExp` accepts (flags never change that). */
export const regex = (z: Zod) =>
  z.string().refine((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

/** A list of regular expressions. */
export const regexList = (z: Zod) => z.array(regex(z));

/** No parameters at all: any key is a mistake. */
export const noParams = (z: Zod) => z.object({}).strict();
