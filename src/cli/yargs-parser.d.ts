/** Minimal types for yargs-parser (the package ships none and @types/yargs-parser is not installed). */
declare module 'yargs-parser' {
  interface Options {
    string?: string[];
    boolean?: string[];
    array?: (string | { key: string; string?: boolean; boolean?: boolean })[];
    alias?: Record<string, string[]>;
    configuration?: Record<string, boolean>;
  }
  interface Arguments {
    _: (string | number)[];
    [flag: string]: unknown;
  }
  function parser(argv: string[], options?: Options): Arguments;
  export default parser;
}
