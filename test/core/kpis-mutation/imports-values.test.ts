/**
 * Reading an export's dates and numbers (src/core/imports/values.ts), hand-worked (issue 23): the
 * forms the tools write (reference/export-formats.md: Mailchimp `Jun 09, 2018 09:30 pm`, Eventbrite
 * `Sat, May 1, 2021 10:15`, Meetup `2022/10/17 6:31:58 PM EST`, HelloAsso `29/11/2024 22:28`, Google
 * Forms `11/29/24 22:28`, PALMS `14-04-2026`, `₹1,200.00`, `Rs. 500`, `-`, Mailchimp `141 (8.1%)`)
 * and French ones (`samedi 1 mai 2021`, `15 févr. 2026`, `1 200,50 €`). Each expected value is
 * worked out in a comment.
 */

import { describe, expect, it } from 'vitest';
import { isoOf } from '../../../src/core/dates';
import {
  dateTextForCore,
  fileLocale,
  inferDayFirst,
  readAmount,
  readDay,
  readIsoDate,
  readNumber,
} from '../../../src/core/imports/values';

const FR = fileLocale([], 'fr_FR', 'fr_FR', 'Europe/Paris');
const US = fileLocale([], 'en_US', 'en_US', 'Europe/Paris');

describe('dates written with a month name', () => {
  it('reads the English forms, the weekday and time of day dropped', () => {
    // Mailchimp: month first, then the day and the year.
    expect(dateTextForCore('Jun 09, 2018 09:30 pm')).toBe('2018-06-09');
    // Eventbrite: a weekday before, a one-digit day padded.
    expect(dateTextForCore('Sat, May 1, 2021 10:15')).toBe('2021-05-01');
    // A full month name with a dot-less abbreviation of the weekday.
    expect(dateTextForCore('Wednesday December 3 2025')).toBe('2025-12-03');
    expect(dateTextForCore('Sept. 30, 2024')).toBe('2024-09-30');
  });

  it('reads the French forms, accents and abbreviation dots ignored', () => {
    expect(dateTextForCore('samedi 1 mai 2021 10:15')).toBe('2021-05-01');
    expect(dateTextForCore('15 févr. 2026')).toBe('2026-02-15');
    expect(dateTextForCore('3 août 2025')).toBe('2025-08-03');
    expect(dateTextForCore('lun. 22 déc. 2025')).toBe('2025-12-22');
    // Day-month-year with hyphens, month in English.
    expect(dateTextForCore('01-May-2021')).toBe('2021-05-01');
    expect(dateTextForCore('7-Jan-2026')).toBe('2026-01-07');
  });

  it('allows several spaces between the parts', () => {
    expect(dateTextForCore('Sat,  May  1,  2021')).toBe('2021-05-01');
    expect(dateTextForCore('samedi  1  mai  2021')).toBe('2021-05-01');
  });

  it('reads a date only at the start of the text', () => {
    expect(dateTextForCore('Date: Jun 09, 2018')).toBe('Date: Jun 09, 2018');
    expect(dateTextForCore('vers le 1 mai 2021')).toBe('vers le 1 mai 2021');
    expect(dateTextForCore('Commande 2022/10/17')).toBe('Commande 2022/10/17');
    expect(dateTextForCore('Le 29/11/2024')).toBe('Le 29/11/2024');
    expect(readDay('Le 29/11/2024', FR)).toBeNull();
  });

  it('leaves text whose word is no month as it is (trimmed), for the core to refuse', () => {
    expect(dateTextForCore('  Foo 12, 2020 ')).toBe('Foo 12, 2020');
    expect(dateTextForCore('12 Foo 2020')).toBe('12 Foo 2020');
    expect(readDay('Foo 12, 2020', FR)).toBeNull();
  });
});

describe('dates written with numbers', () => {
  it('turns year-first slashes or dots into ISO, time and zone dropped', () => {
    expect(dateTextForCore('2022/10/17 6:31:58 PM EST')).toBe('2022-10-17');
    expect(dateTextForCore('2022.1.5')).toBe('2022-01-05');
  });

  it('writes a two-digit year in full: 20YY up to 69, 19YY from 70', () => {
    expect(dateTextForCore('11/29/24 22:28')).toBe('11/29/2024');
    expect(dateTextForCore('5-6-69')).toBe('5/6/2069');
    expect(dateTextForCore('01.02.70')).toBe('01/02/1970');
    // Mixed separators are not one date.
    expect(dateTextForCore('01/02-24')).toBe('01/02-24');
  });

  it('keeps the calendar day of a day/month/year or ISO timestamp', () => {
    expect(dateTextForCore('  29/11/2024 22:28 ')).toBe('29/11/2024');
    expect(dateTextForCore('2026-04-03T18:23:13.5309447+02:00')).toBe('2026-04-03');
    expect(dateTextForCore('14-04-2026')).toBe('14-04-2026');
    // Text after the date without a space or a T is not a time: left as it is.
    expect(dateTextForCore('29/11/2024x')).toBe('29/11/2024x');
  });
});

describe('day or month first, from the file’s own values', () => {
  it('settles on day first when a first number is above 12', () => {
    // 05/06 could be either; 29/11 only day first.
    expect(inferDayFirst(['', 'n/a', '05/06/2024', '29/11/2024 22:28'], false)).toBe(true);
  });

  it('settles on month first when a second number is above 12', () => {
    // Google Forms in English: 11/29/24.
    expect(inferDayFirst(['11/29/24 22:28'], true)).toBe(false);
    expect(inferDayFirst(['03.13.2025'], true)).toBe(false);
  });

  it('counts 12 as a possible month: 12/13 is month first', () => {
    expect(inferDayFirst(['12/13/2024'], true)).toBe(false);
    expect(inferDayFirst(['13/12/2024'], false)).toBe(true);
  });

  it('settles nothing on text that is no date', () => {
    // Not at the start of the text, or without a year of two to four digits.
    expect(inferDayFirst(['Le 13/05/2026'], false)).toBe(false);
    expect(inferDayFirst(['5/13/2'], true)).toBe(true);
  });

  it('keeps the fallback when no value settles it', () => {
    expect(inferDayFirst(['05/06/2024', '12/12/2024', 'Jun 09, 2018'], true)).toBe(true);
    expect(inferDayFirst(['05/06/2024'], false)).toBe(false);
    expect(inferDayFirst([], true)).toBe(true);
  });

  it('reads a file’s dates by its values before its locale', () => {
    // A French workbook importing month-first dates: 11/29/24 settles it.
    const forms = fileLocale(['11/29/24 22:28'], 'fr_FR', 'en_US', 'Europe/Paris');
    expect(forms.dates.dayFirst).toBe(false);
    expect(readIsoDate('12/01/24 09:00', forms)).toBe('2024-12-01');
    // Numbers keep the source's convention, not the dates' locale.
    expect(forms.numbers.decimalComma).toBe(false);
    expect(readNumber('1,751', forms)).toBe(1751);
    // Nothing settles 05/06: the French workbook reads it day first.
    const helloasso = fileLocale(['05/06/2024'], 'fr_FR', 'fr_FR', 'Europe/Paris');
    expect(readIsoDate('05/06/2024', helloasso)).toBe('2024-06-05');
    expect(readIsoDate('05/06/2024', fileLocale(['05/06/2024'], 'en_US', 'fr_FR', 'UTC'))).toBe('2024-05-06');
  });
});

describe('a cell’s calendar day', () => {
  it('gives null for a missing, blank or unreadable cell', () => {
    expect(readDay(undefined, FR)).toBeNull();
    expect(readDay('   ', FR)).toBeNull();
    expect(readDay('bientôt', FR)).toBeNull();
    expect(readIsoDate('', FR)).toBeNull();
    expect(readIsoDate('31/02/2026', FR)).toBeNull();
  });

  it('gives the day of every form', () => {
    expect(readDay('Jun 09, 2018 09:30 pm', US)).toBe(Date.UTC(2018, 5, 9) / 86_400_000);
    expect(isoOf(readDay('samedi 1 mai 2021', FR)!)).toBe('2021-05-01');
    expect(readIsoDate('2022/10/17 6:31:58 PM EST', US)).toBe('2022-10-17');
    expect(readIsoDate('29/11/2024 22:28', FR)).toBe('2024-11-29');
  });
});

describe('numbers', () => {
  it('gives null for a missing, blank, `-` or `n/a` cell', () => {
    for (const text of [undefined, '', '   ', '-', ' - ', 'n/a', 'N/A', 'na', 'NA']) {
      expect(readNumber(text, US)).toBeNull();
    }
    expect(readNumber('beaucoup', FR)).toBeNull();
  });

  it('drops a percentage after a count', () => {
    // Mailchimp `Recipients Who Opened: 141 (8.1%)`, MailerLite `1085 (26.66%)`.
    expect(readNumber('141 (8.1%)', US)).toBe(141);
    expect(readNumber('1,085 (26.66%) ', US)).toBe(1085);
    expect(readNumber('141(8.1%)', US)).toBe(141);
    // Only a trailing parenthesis goes: text after it, or a parenthesis first, is no number.
    expect(readNumber('141 (8.1%)*', US)).toBeNull();
    expect(readNumber('(env.) 1 200', FR)).toBeNull();
  });

  it('drops the currency words and symbols the core does not know', () => {
    expect(readNumber('CA$0.00', US)).toBe(0);
    expect(readNumber('US$ 12.50', US)).toBe(12.5);
    expect(readNumber('CA $25.00', US)).toBe(25);
    // A cell read with a leading space.
    expect(readNumber(' ₹1,200.00', US)).toBe(1200);
    expect(readNumber('₹1,200.00', US)).toBe(1200);
    expect(readNumber('Rs. 500', US)).toBe(500);
    expect(readNumber('Rs500', US)).toBe(500);
    expect(readNumber('USD 12', US)).toBe(12);
    // The Namibian dollar starts like `n/a` but is a currency.
    expect(readNumber('NAD 500', US)).toBe(500);
    expect(readNumber('¥3000', US)).toBe(3000);
    expect(readNumber('CHF 30.5', US)).toBe(30.5);
    expect(readNumber('CHF30', US)).toBe(30);
    // Suffixes: a code, or the rupee sign, with or without a space.
    expect(readNumber('12,50 EUR', FR)).toBe(12.5);
    expect(readNumber('45,00 CHF', FR)).toBe(45);
    expect(readNumber('99GBP', US)).toBe(99);
    expect(readNumber('1,200.00 ₹', US)).toBe(1200);
    expect(readNumber('1,200.00₹', US)).toBe(1200);
  });

  it('reads French amounts with their own marks', () => {
    expect(readNumber('1 200,50 €', FR)).toBe(1200.5);
    expect(readNumber('35,00', FR)).toBe(35);
    // A comma before three digits groups thousands in an English file, marks decimals in a French one.
    expect(readNumber('1,200', US)).toBe(1200);
    expect(readNumber('1,200', FR)).toBe(1.2);
  });
});

describe('PALMS amounts', () => {
  it('reads `-` and empty as zero, and a count or amount as itself', () => {
    expect(readAmount('-', US)).toBe(0);
    expect(readAmount(' - ', US)).toBe(0);
    expect(readAmount('', US)).toBe(0);
    expect(readAmount('  ', US)).toBe(0);
    expect(readAmount(undefined, US)).toBe(0);
    expect(readAmount('12', US)).toBe(12);
    expect(readAmount('₹1,500.00', US)).toBe(1500);
    // An unreadable amount is null, not zero.
    expect(readAmount('douze', US)).toBeNull();
    expect(readAmount('n/a', US)).toBeNull();
  });
});
