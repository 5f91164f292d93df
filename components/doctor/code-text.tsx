/** Text whose `backticked` parts are code, as the doctor writes its messages. */
export function CodeText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-black/5 px-0.5 font-mono dark:bg-white/10">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** The same text for an accessible name: the backticks are not read out. */
export function plainText(text: string): string {
  return text.replace(/`([^`]+)`/g, "$1");
}
