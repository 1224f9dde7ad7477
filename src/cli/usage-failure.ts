/** Every problem on its own line, then one line pointing to the command's help (not the whole of it): exit code 2. */
export function usageFailure(command: string, problems: readonly string[]): number {
  for (const problem of problems) console.error(`returns-mock${command === 'serve' ? '' : ` ${command}`}: ${problem}`);
  console.error(`Run 'returns-mock help ${command}' (or --help) for the options.`);
  return 2;
}
