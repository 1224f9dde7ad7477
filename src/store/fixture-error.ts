/** A fixture file (or posted fixture data) is unreadable or has the wrong shape; `source` names it, `problem` says what is wrong. */
export class FixtureError extends Error {
  readonly source: string;
  readonly problem: string;

  constructor(source: string, problem: string, options?: { cause?: unknown }) {
    super(`fixture ${source}: ${problem}`, options);
    this.name = 'FixtureError';
    this.source = source;
    this.problem = problem;
  }
}
