/** One shell word for `value`, single-quoted (`'` becomes `'\''`). */
export function shellQuote(value: string): string {
  if (value.includes("\0")) throw new Error("A shell argument cannot contain NUL");
  return `'${value.replace(/'/g, "'\\''")}'`;
}
