import { errorMessage } from '../api/client';
import { Button } from './Button';
import type { ReactNode } from 'react';

/** A failure as a sentence, with a way forward. */
export function ErrorPanel({ error, title = 'Something went wrong', onRetry, children }: { error: unknown; title?: string; onRetry?: () => void; children?: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm">{errorMessage(error)}</p>
      {(onRetry || children) && (
        <div className="mt-3 flex flex-wrap gap-2">
          {onRetry && (
            <Button size="sm" onClick={onRetry}>
              Try again
            </Button>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
