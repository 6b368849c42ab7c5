import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../lib/domain/records.ts';
import { businessFrom, draftFrom, fieldError, loadBusinessCheck } from './business.ts';
import { SettingsSection } from './SettingsSection.tsx';

const SETTINGS: Settings = { reportingCurrency: 'USD', language: 'en' };

// Loaded once before the tests: the first import transforms zod, slower here than findBy's wait.
beforeAll(async () => {
  await loadBusinessCheck();
});

/** Renders the section once its business form is there (its field check loads on first show). */
async function setup(settings: Settings = SETTINGS) {
  const onSave = vi.fn(async (_: Settings) => {});
  render(<SettingsSection settings={settings} onSave={onSave} />);
  await screen.findByLabelText('Legal name');
  return onSave;
}

const noteOf = (label: string) => {
  const input = screen.getByLabelText(label);
  const id = input.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
};

describe('SettingsSection', () => {
  it('saves the reporting currency and the language as they change', async () => {
    const onSave = await setup();
    await userEvent.selectOptions(screen.getByLabelText('Reporting currency'), 'EUR');
    expect(onSave).toHaveBeenLastCalledWith({ reportingCurrency: 'EUR', language: 'en' });
    expect(await screen.findByText('Saved.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'zh_CN');
    expect(onSave).toHaveBeenLastCalledWith({ reportingCurrency: 'USD', language: 'zh_CN' });
  });

  it('checks each business field as the seller types', async () => {
    await setup();
    const country = screen.getByLabelText('Country (ISO 2-letter code)');
    await userEvent.type(country, 'g1');
    expect(noteOf('Country (ISO 2-letter code)')).toBe(
      'Use the two-letter ISO code of the country, e.g. GB, US, CN.',
    );
    expect(country.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(country);
    await userEvent.type(country, 'gb');
    expect((country as HTMLInputElement).value).toBe('GB');
    expect(noteOf('Country (ISO 2-letter code)')).toBeNull();
    expect(country.getAttribute('aria-invalid')).toBeNull();

    await userEvent.type(screen.getByLabelText('Email'), 'ops@northwind');
    expect(noteOf('Email')).toBe('Enter an email address such as name@example.com.');
    await userEvent.type(screen.getByLabelText('Email'), '.example');
    expect(noteOf('Email')).toBeNull();

    await userEvent.type(screen.getByLabelText('Years trading'), 'three');
    expect(noteOf('Years trading')).toBe('Enter a number of years from 0 to 200, e.g. 3 or 2.5.');
    await userEvent.clear(screen.getByLabelText('Years trading'));
    expect(noteOf('Years trading')).toBe('Needed by most channels.');
    await userEvent.type(screen.getByLabelText('Years trading'), '2,5');
    expect(noteOf('Years trading')).toBeNull();

    await userEvent.type(screen.getByLabelText('Phone'), '+44 '.repeat(11));
    expect(noteOf('Phone')).toBe('At most 40 characters.');
  });

  it('does not save while a field is wrong, then saves the filled fields in settings.business', async () => {
    const onSave = await setup({ ...SETTINGS, reportingCurrency: 'GBP' });
    await userEvent.type(screen.getByLabelText('Legal name'), 'Northwind Goods Ltd');
    await userEvent.type(screen.getByLabelText('Country (ISO 2-letter code)'), 'G');
    await userEvent.click(screen.getByRole('button', { name: 'Save business details' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Correct the fields marked above first.')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Country (ISO 2-letter code)'), 'B');
    await userEvent.type(screen.getByLabelText('Years trading'), '4');
    await userEvent.type(screen.getByLabelText('Email'), 'ops@northwind.example');
    await userEvent.click(screen.getByRole('button', { name: 'Save business details' }));
    expect(onSave).toHaveBeenCalledWith({
      reportingCurrency: 'GBP',
      language: 'en',
      business: {
        legalName: 'Northwind Goods Ltd',
        country: 'GB',
        yearsTrading: 4,
        contactEmail: 'ops@northwind.example',
      },
    });
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('starts from the stored business details', async () => {
    await setup({ ...SETTINGS, business: { legalName: 'Northwind Goods Ltd', yearsTrading: 3 } });
    expect((screen.getByLabelText('Legal name') as HTMLInputElement).value).toBe('Northwind Goods Ltd');
    expect((screen.getByLabelText('Years trading') as HTMLInputElement).value).toBe('3');
  });
});

describe('business details', () => {
  it('follow the BusinessDetails schema field by field', async () => {
    const check = await loadBusinessCheck();
    expect(fieldError(check, 'country', 'GB')).toBeNull();
    expect(fieldError(check, 'country', 'GBR')).not.toBeNull();
    expect(fieldError(check, 'yearsTrading', '201')).not.toBeNull();
    expect(fieldError(check, 'yearsTrading', '-1')).not.toBeNull();
    expect(fieldError(check, 'legalName', 'x'.repeat(201))).toBe('At most 200 characters.');
    expect(fieldError(check, 'registrationNumber', 'x'.repeat(51))).toBe('At most 50 characters.');
    expect(fieldError(check, 'contactEmail', '')).toBeNull();
  });

  it('keep only filled, valid fields; none gives no business at all', async () => {
    const check = await loadBusinessCheck();
    const draft = {
      ...draftFrom(undefined),
      legalName: ' Northwind ',
      contactEmail: 'nope',
      yearsTrading: '1.5',
    };
    expect(businessFrom(check, draft)).toEqual({ legalName: 'Northwind', yearsTrading: 1.5 });
    expect(businessFrom(check, draftFrom(undefined))).toBeUndefined();
  });
});
