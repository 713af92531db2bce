/**
 * Line breaks as Highrise stores them: CRLF, LF, or a lone CR (older Mac clients). CSS shows a lone
 * CR as a space, so it becomes a line break here; the stored value is never rewritten.
 */
export function asLines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** A multi-line text (a background): its line breaks and spaces kept, long words wrapped. Rendered as text, never HTML. */
export function MultilineText({ text, className = '' }: { text: string; className?: string }) {
  return <p className={`whitespace-pre-wrap break-words ${className}`}>{asLines(text)}</p>;
}
