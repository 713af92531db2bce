import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function mount(onConfirm: () => void | Promise<unknown>, busy?: boolean) {
  return render(
    <ConfirmDialog open title="Delete Fjord Ltd?" confirmLabel="Delete Fjord Ltd" destructive busy={busy} onConfirm={onConfirm} onCancel={() => {}}>
      This removes it.
    </ConfirmDialog>,
  );
}

const confirmButton = () => screen.getByRole('button', { name: 'Delete Fjord Ltd' });

describe('ConfirmDialog', () => {
  it('a double click on confirm calls onConfirm once while its promise is pending, and shows it busy', async () => {
    const pending = deferred<void>();
    const onConfirm = vi.fn(() => pending.promise);
    mount(onConfirm);
    fireEvent.click(confirmButton());
    fireEvent.click(confirmButton());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(confirmButton()).toBeDisabled();
    expect(confirmButton()).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    await act(async () => pending.resolve());
    expect(confirmButton()).toBeEnabled();
    fireEvent.click(confirmButton());
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });

  it('a failed confirm can be tried again (the caller shows why)', async () => {
    const first = deferred<void>();
    const onConfirm = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(undefined);
    mount(onConfirm);
    fireEvent.click(confirmButton());
    await act(async () => {
      first.reject(new Error('502'));
      await first.promise.catch(() => {});
    });
    fireEvent.click(confirmButton());
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });

  it('while busy is set, confirm does nothing', () => {
    const onConfirm = vi.fn();
    mount(onConfirm, true);
    fireEvent.click(confirmButton());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('a synchronous onConfirm runs on each click', () => {
    const onConfirm = vi.fn();
    mount(onConfirm);
    fireEvent.click(confirmButton());
    fireEvent.click(confirmButton());
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });
});
