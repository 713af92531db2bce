import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AddNameForm } from './AddNameForm';
import type { NameCheck } from './InlineRename';

const check = (text: string): NameCheck => (text.trim() ? { ok: true, value: text.trim() } : { ok: false, error: 'Enter a name.' });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function mount(onAdd: (value: string) => Promise<{ error: string } | void>, busy = false) {
  return render(<AddNameForm formLabel="Add a thing" inputLabel="New thing" submitLabel="Add thing" check={check} onAdd={onAdd} busy={busy} />);
}

describe('AddNameForm', () => {
  it('a double click adds once: the second submit, before busy re-renders, is ignored while the first is in flight', async () => {
    const pending = deferred<void>();
    const onAdd = vi.fn(() => pending.promise);
    mount(onAdd); // `busy` stays false, as it does until React re-renders after the first click
    await userEvent.setup().type(screen.getByLabelText('New thing'), 'Partners');
    const button = screen.getByRole('button', { name: 'Add thing' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(onAdd).toHaveBeenCalledWith('Partners');

    await act(async () => pending.resolve());
    expect(screen.getByLabelText('New thing')).toHaveValue('');
    expect(screen.getByLabelText('New thing')).not.toHaveAccessibleDescription();
  });

  it('once the add has settled (even refused), the next submit goes through', async () => {
    const onAdd = vi.fn<(value: string) => Promise<{ error: string } | void>>().mockResolvedValueOnce({ error: 'Name is reserved' }).mockResolvedValue(undefined);
    mount(onAdd);
    const user = userEvent.setup();
    const input = screen.getByLabelText('New thing');
    await user.type(input, 'Refused{Enter}');
    expect(await screen.findByText('Name is reserved')).toBeInTheDocument();
    expect(input).toHaveValue('Refused');
    await user.clear(input);
    await user.type(input, 'Fine{Enter}');
    expect(onAdd).toHaveBeenCalledTimes(2);
    expect(onAdd).toHaveBeenLastCalledWith('Fine');
  });

  it('while busy, a submit does nothing', async () => {
    const onAdd = vi.fn(async () => {});
    mount(onAdd, true);
    fireEvent.submit(screen.getByRole('form', { name: 'Add a thing' }));
    expect(onAdd).not.toHaveBeenCalled();
  });
});
