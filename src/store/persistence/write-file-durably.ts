import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';

/** fsyncs a directory, so a rename or a new file in it survives a power cut; platforms that cannot (Windows) skip it. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` with `text` atomically and durably: writes `.<name>.tmp` beside it, fsyncs it, renames it
 * over `file` and fsyncs the directory. A crash at any point leaves either the old or the new complete file
 * (and at worst a stale temp file, which nothing reads).
 */
export async function writeFileDurably(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await syncDirectory(dir);
}
