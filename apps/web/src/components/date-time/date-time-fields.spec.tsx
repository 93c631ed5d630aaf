import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { Language } from '@web/lib/i18n';
import { renderWithProviders } from '@web/test/render';
import { DateField } from './date-field';
import { TimeField } from './time-field';

interface Values {
  day: string;
  start: string;
}

function Form({ initial, onSubmit }: { initial: Values; onSubmit: (values: Values) => void }) {
  const {
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ defaultValues: initial });
  return (
    <form noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <DateField id="day" label="Day" control={control} name="day" rules={{ required: 'Required' }} error={errors.day?.message} aria-required />
      <TimeField id="start" label="Start" control={control} name="start" rules={{ required: 'Required' }} error={errors.start?.message} />
      <button type="submit">Save</button>
    </form>
  );
}

async function renderForm(language: Language, initial: Values = { day: '', start: '' }) {
  const submitted: Values[] = [];
  const result = await renderWithProviders(<Form initial={initial} onSubmit={(values) => submitted.push(values)} />, { language });
  return { ...result, submitted };
}

async function seriousViolations(container: HTMLElement): Promise<string[]> {
  // jsdom has no layout, so colour contrast is left to the browser tests.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

// axe over a rendered calendar takes a few seconds on a busy machine.
const AXE_TIMEOUT_MS = 30_000;

describe('DateField', () => {
  it('in Persian, shows a stored day in the Jalali calendar with Persian digits and stores what is typed as ISO', async () => {
    const { submitted } = await renderForm('fa', { day: '2026-12-04', start: '09:30' });
    const day = screen.getByLabelText('Day');
    expect(day).toHaveProperty('value', '۱۴۰۵/۰۹/۱۳');
    expect(screen.getByLabelText('Start')).toHaveProperty('value', '۰۹:۳۰');

    fireEvent.change(day, { target: { value: '۱۴۰۵/۱۰/۰۱' } });
    fireEvent.blur(day);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(submitted).toEqual([{ day: '2026-12-22', start: '09:30' }]));
  });

  it('in Persian, the calendar is Jalali, starts on Saturday, uses Persian digits, and a picked day is stored as ISO', async () => {
    const { submitted } = await renderForm('fa', { day: '2026-12-04', start: '10:00' });
    const toggle = screen.getByRole('button', { name: 'تقویم' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const calendar = screen.getByRole('group', { name: 'تقویم: Day' });
    expect(within(calendar).getByRole('grid').getAttribute('aria-label')).toBe('آذر ۱۴۰۵');
    const weekdays = [...calendar.querySelectorAll('th.rdp-weekday')].map((cell) => cell.getAttribute('aria-label'));
    expect(weekdays[0]).toBe('شنبه');
    expect(weekdays[6]).toBe('جمعه');
    // Azar has 30 days; the selected 13th is focused for the keyboard.
    const selected = within(calendar).getByRole('button', { name: /جمعه ۱۳ آذر ۱۴۰۵/ });
    expect(selected.textContent).toBe('۱۳');
    await waitFor(() => expect(document.activeElement).toBe(selected));
    expect(await seriousViolations(document.body)).toEqual([]);

    fireEvent.click(within(calendar).getByRole('button', { name: /جمعه ۲۰ آذر ۱۴۰۵/ }));
    expect(screen.queryByRole('group', { name: 'تقویم: Day' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(screen.getByLabelText('Day')).toHaveProperty('value', '۱۴۰۵/۰۹/۲۰');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(submitted).toEqual([{ day: '2026-12-11', start: '10:00' }]));
  }, AXE_TIMEOUT_MS);

  it('in English, the calendar is Gregorian and starts on Monday; Escape closes it and returns focus', async () => {
    await renderForm('en', { day: '2026-12-04', start: '' });
    expect(screen.getByLabelText('Day')).toHaveProperty('value', '2026-12-04');
    const toggle = screen.getByRole('button', { name: 'Calendar' });
    fireEvent.click(toggle);
    const calendar = screen.getByRole('group', { name: 'Calendar: Day' });
    expect(within(calendar).getByRole('grid').getAttribute('aria-label')).toBe('December 2026');
    expect(calendar.querySelector('th.rdp-weekday')?.getAttribute('aria-label')).toBe('Monday');
    expect(await seriousViolations(document.body)).toEqual([]);

    fireEvent.keyDown(within(calendar).getByRole('grid'), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Calendar: Day' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  }, AXE_TIMEOUT_MS);

  it('refuses a day that does not exist and a time that is not 24-hour, with messages tied to the fields', async () => {
    const { submitted } = await renderForm('en');
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-02-30' } });
    fireEvent.change(screen.getByLabelText('Start'), { target: { value: '25:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Enter a real date as year-month-day.');
    expect(screen.getByText('Enter a time from 00:00 to 23:59.')).toBeTruthy();
    expect(screen.getByLabelText('Day').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Day').getAttribute('aria-describedby')).toContain('day-error');
    expect(submitted).toEqual([]);
  });

  it('still applies the form’s own rules', async () => {
    const { submitted } = await renderForm('fa');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('Required')).toHaveLength(2);
    expect(submitted).toEqual([]);
  });
});

describe('TimeField', () => {
  it('normalises what is typed to HH:MM and shows it in the reader’s digits once the field is left', async () => {
    const { submitted } = await renderForm('fa', { day: '2026-12-04', start: '' });
    const start = screen.getByLabelText('Start');
    fireEvent.change(start, { target: { value: '۹۳۰' } });
    fireEvent.blur(start);
    expect(start).toHaveProperty('value', '۰۹:۳۰');
    expect(screen.getByText('ساعت ۲۴ساعته، مثلاً ۱۴:۳۰')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(submitted).toEqual([{ day: '2026-12-04', start: '09:30' }]));
  });
});
