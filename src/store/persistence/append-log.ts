import { open, readFile } from 'node:fs/promises';
import { decodeLogLine, type LogBatch } from './log-line.js';
import { StoreOpenError } from './store-open-error.js';

/** What a log file holds: its complete batches in order, and its size in bytes (0 when missing). */
export interface LogContent {
  batches: LogBatch[];
  bytes: number;
}

/**
 * Reads the log: every complete (newline-terminated) line is a batch. A last line without its newline is torn
 * (the process died while appending it, so it was never acknowledged): it is ignored. A complete line that is
 * not a batch is damage the store cannot explain, wherever it is, so it refuses to open (`StoreOpenError`)
 * rather than drop that line and, at the compaction that follows, lose it for good.
 */
export async function readAppendLog(file: string): Promise<LogContent> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { batches: [], bytes: 0 };
    throw new StoreOpenError(file, `it cannot be read (${(error as Error).message})`, { cause: error });
  }
  const lines = text.split('\n');
  const last = lines.length - 1; // after the final newline: '' or a torn line
  const batches: LogBatch[] = [];
  for (let index = 0; index < last; index += 1) {
    const batch = decodeLogLine(lines[index]!);
    if (batch === undefined) throw new StoreOpenError(file, `line ${index + 1} is not a log batch; move the file away or repair it`);
    batches.push(batch);
  }
  return { batches, bytes: Buffer.byteLength(text) };
}

/**
 * Appends `line` to the log and fdatasyncs it: on disk when this resolves. The file is opened per append (an
 * fsync costs far more than an open), so no descriptor outlives a store that is never closed.
 */
export async function appendToLog(file: string, line: string): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.appendFile(line);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Empties the log (after its batches went into the snapshot), durably. */
export async function truncateLog(file: string): Promise<void> {
  const handle = await open(file, 'r+').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (handle === undefined) return;
  try {
    await handle.truncate(0);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
