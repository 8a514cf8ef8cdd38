/**
 * The text of a postmortem file from its bytes. Most are UTF-8; files saved
 * by older Windows editors and exported from Word are Windows-1252, where
 * smart quotes, dashes and non-breaking spaces would read as garbage in UTF-8.
 */

export interface SourceText {
  readonly text: string;
  /** Said when the bytes were not UTF-8, so the person importing can check the result. */
  readonly note?: string;
}

export function decodeSource(bytes: Uint8Array): SourceText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Windows-1252 gives every byte a character, so it is the safe second reading.
    return { text: windows1252(bytes), note: 'The file is not UTF-8, so it was read as Windows-1252; please check quotes and accents.' };
  }
}

// Bytes 0x80-0x9F: smart quotes, dashes, the euro sign... (unused bytes keep their Latin-1 control code).
const HIGH_CONTROLS = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** By hand: Node built without full ICU decodes 'windows-1252' as Latin-1, which misses exactly these bytes. */
function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? HIGH_CONTROLS[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
