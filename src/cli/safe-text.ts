/**
 * Student-controlled text (folder and file names, manifest values, ids from submission
 * files) made safe for where the teacher reads it: the terminal, a spreadsheet, XML.
 */

/**
 * For the terminal: C0 and C1 control characters, DEL and the bidirectional overrides
 * become visible escapes (\n, \x1b, \u202e), so an OSC 52 clipboard write or a newline in
 * a folder name can neither reach the terminal raw nor forge a row.
 */
export function termSafe(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/**
 * For a spreadsheet cell (CSV): a text starting with =, +, -, @, a tab or a carriage
 * return is read as a formula by Excel, LibreOffice and Google Sheets; a leading
 * apostrophe makes it text (OWASP, "CSV Injection"). Numbers are left alone.
 */
export function csvSafe(v: string | number): string | number {
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * For XML 1.0 text and attributes: characters the spec forbids (most C0 controls,
 * lone surrogates, U+FFFE and U+FFFF) are written as visible escapes instead.
 * XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
 */
export function xmlSafe(s: string): string {
  return s.replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** A file name made from a student's name: letters, digits, dot, dash and underscore; never empty, never "." or "..". */
export function fileSafe(s: string): string {
  const t = s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[.]+/, '_')
    .slice(0, 100);
  return t || '_';
}
