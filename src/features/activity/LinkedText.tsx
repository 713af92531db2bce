import { linkify } from './linkify';
import { asLines } from '../../components/MultilineText';

/** Plain text with line breaks kept and http(s) URLs as links. Rendered as React text: never HTML. */
export function LinkedText({ text, className = '' }: { text: string; className?: string }) {
  return (
    <p className={`whitespace-pre-wrap break-words ${className}`}>
      {linkify(asLines(text)).map((piece, i) =>
        typeof piece === 'string' ? (
          piece
        ) : (
          <a key={i} href={piece.href} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
            {piece.text}
          </a>
        ),
      )}
    </p>
  );
}
