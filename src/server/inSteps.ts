/**
 * Long runs of reading and analysing (a branch switch changes a thousand
 * incidents) are done a few files at a time, giving way to the client's
 * messages in between: the host reads synchronously, so without this a hover
 * asked meanwhile waits for the whole run. A timer, not `setImmediate`, so it
 * works in a web worker too.
 */

/** Files analysed between two looks at the client's messages: about 20 to 80 ms of work. */
const FILES_PER_STEP = 16;

export async function inSteps<T>(items: readonly T[], step: (some: T[]) => Promise<void>): Promise<void> {
  for (let from = 0; from < items.length; from += FILES_PER_STEP) {
    if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    await step(items.slice(from, from + FILES_PER_STEP));
  }
}
