/** How the commands speak on stderr while reading a folder: notes on what was skipped, warnings on settings. */
export function folderMessages(err: (text: string) => void): { note: (message: string) => void; warn: (message: string) => void } {
  return {
    note: (message) => err(`note: ${message}\n`),
    warn: (message) => err(`warning: ${message}\n`),
  };
}
