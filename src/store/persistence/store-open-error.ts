/** The store could not be opened: its file is unreadable, not JSON, or not a store of this version. The file is left untouched. */
export class StoreOpenError extends Error {
  /** The file (or other source) that could not be opened. */
  readonly file: string;
  /** What is wrong with it, for people. */
  readonly problem: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`cannot open the store ${file}: ${problem}`, options);
    this.name = 'StoreOpenError';
    this.file = file;
    this.problem = problem;
  }
}
