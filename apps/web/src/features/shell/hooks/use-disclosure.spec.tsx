import { fireEvent, screen } from '@testing-library/react';
import { Link } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@web/test/render';
import { useDisclosure } from './use-disclosure';

function Menu() {
  const menu = useDisclosure();
  return (
    <>
      <button ref={menu.toggleRef} type="button" aria-expanded={menu.open} aria-controls="panel" onClick={menu.toggle}>
        Menu
      </button>
      <div id="panel" hidden={!menu.open} onKeyDown={menu.onPanelKeyDown}>
        <Link to="/elsewhere">Elsewhere</Link>
      </div>
    </>
  );
}

describe('useDisclosure (the phone header menu)', () => {
  it('opens and closes from its button, and says so through aria-expanded', async () => {
    await renderWithProviders(<Menu />);
    const toggle = screen.getByRole('button', { name: 'Menu' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Escape and returns focus to the button', async () => {
    await renderWithProviders(<Menu />);
    const toggle = screen.getByRole('button', { name: 'Menu' });
    fireEvent.click(toggle);
    const link = screen.getByRole('link', { name: 'Elsewhere' });
    link.focus();
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });

  it('closes when a link in it changes the page', async () => {
    await renderWithProviders(<Menu />);
    const toggle = screen.getByRole('button', { name: 'Menu' });
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
