import { QueryClientProvider, useMutation } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { createQueryClient } from '../api/query-client';
import { WriteBusyNotice } from './WriteBusyNotice';

/** Any write of the app (here a bare mutation, as a deal move or a note would be), with the app's retry policy. */
function Save({ send }: { send: () => Promise<string> }) {
  const save = useMutation({ mutationFn: send });
  return (
    <>
      <button type="button" onClick={() => save.mutate()}>
        Save
      </button>
      {save.isSuccess && <p>Saved</p>}
      {save.isError && <p>Failed</p>}
    </>
  );
}

function mount(send: () => Promise<string>) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <WriteBusyNotice />
      <Save send={send} />
    </QueryClientProvider>,
  );
}

describe('WriteBusyNotice', () => {
  it('says Highrise is busy while any write waits out a 503 with retryAfter, then goes once it is sent again', async () => {
    const send = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new ApiError(503, 'busy', { retryAfter: 1, code: 'rate_limited' })).mockResolvedValue('ok');
    mount(send);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Highrise is busy; retrying in 1 s.');
    expect(await screen.findByText('Saved', undefined, { timeout: 3000 })).toBeInTheDocument();
    expect(send).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says nothing for a write that failed any other way (it is not retried)', async () => {
    const send = vi.fn<() => Promise<string>>().mockRejectedValue(new ApiError(504, 'timed out', { code: 'outcome_unknown' }));
    mount(send);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
