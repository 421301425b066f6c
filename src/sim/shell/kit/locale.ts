/**
 * What a C program's setlocale(LC_ALL, "") gives for messages: LC_ALL, else LC_MESSAGES, else LANG
 * (glibc). gnulib's hard_locale is false for "C" and "POSIX" only (gnulib lib/hard-locale.c).
 */
export function messagesLocale(env: Map<string, string>): string {
  return env.get('LC_ALL') || env.get('LC_MESSAGES') || env.get('LANG') || 'C';
}

/** gnulib hard_locale(LC_MESSAGES). */
export function hardLocale(env: Map<string, string>): boolean {
  const l = messagesLocale(env);
  return l !== 'C' && l !== 'POSIX';
}

/** Whether the locale's charset is UTF-8 (gnulib proper_name_utf8 then prints a name in UTF-8). */
export function utf8Locale(env: Map<string, string>): boolean {
  return /utf-?8/i.test(messagesLocale(env));
}
