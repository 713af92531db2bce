import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Combobox, searchStatus, useSearchTerm } from './Combobox';

interface Fruit {
  id: number;
  name: string;
}
const FRUITS: Fruit[] = [
  { id: 1, name: 'Apple' },
  { id: 2, name: 'Apricot' },
  { id: 3, name: 'Avocado' },
  { id: 4, name: 'Banana' },
];

/** A combobox over a fixed list, filtered as one types (no debounce: the keyboard is what is tested). */
function Harness({ onSelect = () => {}, loading = false }: { onSelect?: (f: Fruit) => void; loading?: boolean }) {
  const [text, setText] = useState('');
  const term = text.trim().toLowerCase();
  const options = term && !loading ? FRUITS.filter((f) => f.name.toLowerCase().startsWith(term)) : [];
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <Combobox
        label="Fruit"
        text={text}
        onTextChange={setText}
        options={options}
        optionKey={(f) => String(f.id)}
        optionLabel={(f) => f.name}
        optionDetail={(f) => `#${f.id}`}
        onSelect={(f) => {
          setText(f.name);
          onSelect(f);
        }}
        listLabel="Fruits"
        status={searchStatus({ term, count: options.length, loading, failed: false, failedText: 'Failed.', noneText: 'No fruit matches.', noun: ['fruit', 'fruits'] })}
        hint="Type a fruit."
      />
      <button type="button">Next</button>
    </form>
  );
}

function setup(props: Parameters<typeof Harness>[0] = {}) {
  render(<Harness {...props} />);
  const input = screen.getByRole('combobox', { name: 'Fruit' });
  const activeText = () => {
    const id = input.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id)?.querySelector('span')?.textContent : null;
  };
  const status = () => document.getElementById(`${input.id}-status`)?.textContent;
  return { input, activeText, status, user: userEvent.setup() };
}

describe('Combobox', () => {
  it('is wired as an ARIA 1.2 combobox: listbox it controls, expanded only with options, hint and status described', async () => {
    const { input, user, status } = setup();
    const list = document.getElementById(input.getAttribute('aria-controls') ?? '');
    expect(list).toHaveAttribute('role', 'listbox');
    expect(list).toHaveAttribute('aria-label', 'Fruits');
    expect(list).not.toBeVisible();
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveAttribute('aria-autocomplete', 'list');
    expect(input).not.toHaveAttribute('aria-activedescendant');
    expect(input).toHaveAccessibleDescription(/^Type a fruit\./);
    await user.type(input, 'a');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('listbox', { name: 'Fruits' })).toBeVisible();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Apple#1', 'Apricot#2', 'Avocado#3']);
    expect(status()).toBe('3 fruits. Use the arrow keys to choose.');
    expect(document.getElementById(`${input.id}-status`)).toHaveAttribute('role', 'status');
  });

  it('ArrowDown/ArrowUp move the active option without leaving the input; Home/End jump; Enter chooses', async () => {
    const onSelect = vi.fn();
    const { input, user, activeText } = setup({ onSelect });
    await user.type(input, 'a');
    await user.keyboard('{ArrowDown}');
    expect(activeText()).toBe('Apple');
    expect(input).toHaveFocus();
    expect(screen.getByRole('option', { name: /Apple/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(activeText()).toBe('Avocado'); // stays on the last
    await user.keyboard('{ArrowUp}');
    expect(activeText()).toBe('Apricot');
    await user.keyboard('{Home}');
    expect(activeText()).toBe('Apple');
    await user.keyboard('{End}');
    expect(activeText()).toBe('Avocado');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(FRUITS[1]);
    expect(input).toHaveValue('Apricot');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).not.toHaveAttribute('aria-activedescendant');
  });

  it('ArrowUp from the input goes to the last option; Home/End move the caret until an option is active', async () => {
    const { input, user, activeText } = setup();
    await user.type(input, 'ap');
    await user.keyboard('{Home}');
    expect(activeText()).toBeNull();
    expect((input as HTMLInputElement).selectionStart).toBe(0);
    await user.keyboard('{ArrowUp}');
    expect(activeText()).toBe('Apricot');
  });

  it('Enter with no active option is left to the form; typing drops the active option', async () => {
    const onSelect = vi.fn();
    const { input, user, activeText } = setup({ onSelect });
    await user.type(input, 'a{Enter}');
    expect(onSelect).not.toHaveBeenCalled();
    await user.keyboard('{ArrowDown}');
    expect(activeText()).toBe('Apple');
    await user.type(input, 'p');
    expect(activeText()).toBeNull();
  });

  it('Escape closes the list first, then clears the text; ArrowDown reopens it', async () => {
    const { input, user, activeText } = setup();
    await user.type(input, 'ap');
    await user.keyboard('{ArrowDown}{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveValue('ap');
    expect(activeText()).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(activeText()).toBe('Apple');
    await user.keyboard('{Escape}{Escape}');
    expect(input).toHaveValue('');
  });

  it('Tab leaves the field and closes the list, choosing nothing', async () => {
    const onSelect = vi.fn();
    const { input, user } = setup({ onSelect });
    await user.type(input, 'b');
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveFocus();
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveValue('b');
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('a click chooses an option and keeps focus in the input', async () => {
    const onSelect = vi.fn();
    const { input, user } = setup({ onSelect });
    await user.type(input, 'a');
    await user.click(screen.getByRole('option', { name: /Avocado/ }));
    expect(onSelect).toHaveBeenCalledWith(FRUITS[2]);
    expect(input).toHaveValue('Avocado');
    expect(input).toHaveFocus();
  });

  it('announces a search in progress politely, with no list open meanwhile', async () => {
    const { input, user, status } = setup({ loading: true });
    await user.type(input, 'a');
    expect(status()).toBe('Searching…');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('says when nothing matches', async () => {
    const { input, user, status } = setup();
    await user.type(input, 'kiwi');
    expect(status()).toBe('No fruit matches.');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('useSearchTerm', () => {
  function Probe({ text, chosen }: { text: string; chosen?: string }) {
    return <output>{`[${useSearchTerm(text, chosen)}]`}</output>;
  }

  it('waits for a pause in typing, trims, and does not search for the chosen name', () => {
    vi.useFakeTimers();
    try {
      const { rerender } = render(<Probe text=" ap" />);
      expect(screen.getByRole('status')).toHaveTextContent('[]');
      act(() => void vi.advanceTimersByTime(100));
      rerender(<Probe text=" app " />);
      act(() => void vi.advanceTimersByTime(200));
      expect(screen.getByRole('status')).toHaveTextContent('[]');
      act(() => void vi.advanceTimersByTime(60));
      expect(screen.getByRole('status')).toHaveTextContent('[app]');
      rerender(<Probe text="Apple" chosen="Apple" />);
      act(() => void vi.advanceTimersByTime(300));
      expect(screen.getByRole('status')).toHaveTextContent('[]');
    } finally {
      vi.useRealTimers();
    }
  });
});
