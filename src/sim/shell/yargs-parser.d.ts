declare module 'yargs-parser/browser' {
  interface Options {
    boolean?: string[];
    string?: string[];
    array?: string[];
    alias?: Record<string, string[]>;
    configuration?: Record<string, boolean>;
  }
  type Parser = (args: string[], opts?: Options) => { _: (string | number)[]; [key: string]: unknown };
  const parser: Parser;
  export default parser;
}
