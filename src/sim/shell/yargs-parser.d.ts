/**
 * Types for yargs-parser's browser entry (the package ships none). The simulator and the CLI both
 * use this entry: it reads no files and loads no Node modules (the Node entry loads util, fs and
 * module for config files and env prefixes, which neither uses).
 */
declare module 'yargs-parser/browser' {
  interface Options {
    boolean?: string[];
    string?: string[];
    array?: (string | { key: string; string?: boolean; boolean?: boolean })[];
    alias?: Record<string, string[]>;
    configuration?: Record<string, boolean>;
  }
  type Parser = (args: string[], opts?: Options) => { _: (string | number)[]; [key: string]: unknown };
  const parser: Parser;
  export default parser;
}
