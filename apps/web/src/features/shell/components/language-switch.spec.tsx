import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY, initialLanguage } from '@web/lib/i18n';
import { renderWithProviders } from '@web/test/render';
import { LanguageSwitch } from './language-switch';

describe('LanguageSwitch', () => {
  it('starts left-to-right in English', async () => {
    await renderWithProviders(<LanguageSwitch />);
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByLabelText('Language')).toBe(screen.getByTestId('language-switch'));
  });

  it('given Persian is chosen, then the page turns right-to-left, is labelled Persian, and the choice is remembered', async () => {
    await renderWithProviders(<LanguageSwitch />);

    fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'fa' } });

    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('fa');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fa');
    expect(initialLanguage()).toBe('fa');
    // The switch itself is now labelled in Persian.
    expect(screen.getByLabelText('زبان')).toBe(screen.getByTestId('language-switch'));
  });

  it('offers exactly English and Persian', async () => {
    await renderWithProviders(<LanguageSwitch />);
    const options = [...screen.getByTestId('language-switch').querySelectorAll('option')].map((option) => option.value);
    expect(options).toEqual(['en', 'fa']);
  });
});
