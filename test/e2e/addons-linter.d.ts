// The part of addons-linter's Node API the Firefox check uses (the package ships no types).
declare module 'addons-linter' {
  interface LinterMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
  }
  interface LinterResult {
    count: number;
    summary: { errors: number; notices: number; warnings: number };
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  }
  interface LinterOptions {
    config: {
      _: string[];
      logLevel: string;
      stack: boolean;
      pretty: boolean;
      warningsAsErrors: boolean;
      metadata: boolean;
      output: 'none' | 'text' | 'json';
      boring: boolean;
      selfHosted: boolean;
    };
    runAsBinary: boolean;
  }
  const linter: { createInstance(options: LinterOptions): { run(): Promise<LinterResult> } };
  export default linter;
}
