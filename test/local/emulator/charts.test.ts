// The emulated Charts service (charts-service.ts) and MailApp's inline images (mail.ts): a data
// table built by hand, a column chart rendered as a PNG of the size asked (bars only), PNG the only
// conversion, a chart without a data table refused, and inline images kept with the sent e-mail
// (a value that is not a Blob refused).
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { CHARTS_MSG } from '../../../src/local/emulator/charts-service';
import { MAIL_MSG } from '../../../src/local/emulator/mail';
import { emulator, expectException } from './helpers';

/** Width, height and the RGB rows of a PNG written by the emulator (colour type 2, filter 0). */
function decode(bytes: number[]): { width: number; height: number; pixel: (x: number, y: number) => string } {
  const buf = Buffer.from(bytes.map((b) => b & 0xff));
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat = buf.indexOf('IDAT');
  const raw = inflateSync(buf.subarray(idat + 4, idat + 4 + buf.readUInt32BE(idat - 4)));
  const pixel = (x: number, y: number) =>
    raw
      .subarray(y * (width * 3 + 1) + 1 + x * 3)
      .subarray(0, 3)
      .toString('hex');
  return { width, height, pixel };
}

describe('Charts', () => {
  test('a column chart from a data table renders as a PNG of its size, its bars in its colour', () => {
    const { Charts } = emulator().globals;
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Période')
      .addColumn(Charts.ColumnType.NUMBER, 'Membres')
      .addRow(['2025-S2', 0])
      .addRow(['2026-S1', 10]);
    const chart = Charts.newColumnChart()
      .setDataTable(table)
      .setTitle('Membres')
      .setDimensions(200, 100)
      .setColors(['#ff0000'])
      .setLegendPosition(Charts.Position.NONE)
      .build();
    const blob = chart.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    const png = decode(blob.getBytes());
    expect([png.width, png.height]).toEqual([200, 100]);
    // The second bar (the slot 100–200 px) is red down to the zero line; the first slot is white.
    expect(png.pixel(150, 50)).toBe('ff0000');
    expect(png.pixel(50, 50)).toBe('ffffff');
    expect(chart.getOptions().get('title')).toBe('Membres');
    expect(decode(chart.getBlob().getBytes()).width).toBe(200);
  });

  test('PNG is the one conversion; a chart needs a data table', () => {
    const { Charts } = emulator().globals;
    const table = Charts.newDataTable().addColumn(Charts.ColumnType.NUMBER, 'x').addRow([1]).build();
    // The docs' own example passes a built DataTable (the typings only know a builder or a source).
    const chart = Charts.newColumnChart()
      .setDataTable(table as unknown as GoogleAppsScript.Charts.DataTableSource)
      .build();
    expectException(() => chart.getAs('application/pdf'), CHARTS_MSG.contentType('application/pdf'));
    expectException(() => Charts.newColumnChart().build(), CHARTS_MSG.noDataTable);
  });
});

describe('MailApp inline images', () => {
  test('kept with the e-mail by key; a value that is not a Blob is refused', () => {
    const em = emulator();
    const { MailApp, Utilities } = em.globals;
    const logo = Utilities.newBlob([1, 2, 3], 'image/png', 'logo.png');
    MailApp.sendEmail('a@x.fr', 'S', 'B', { htmlBody: '<img src="cid:logo">', inlineImages: { logo } });
    MailApp.sendEmail({ to: 'b@x.fr', subject: 'S', body: 'B', inlineImages: { logo } });
    expect(em.sentMail.map((m) => Object.keys(m.inlineImages ?? {}))).toEqual([['logo'], ['logo']]);
    expect([...em.sentMail[0]!.inlineImages!.logo!.bytes]).toEqual([1, 2, 3]);
    expect(em.sentMail[0]!.inlineImages!.logo!.contentType).toBe('image/png');
    expectException(
      () =>
        MailApp.sendEmail('c@x.fr', 'S', 'B', {
          inlineImages: { logo: 'not a blob' as unknown as GoogleAppsScript.Base.BlobSource },
        }),
      MAIL_MSG.inlineImage('logo'),
    );
    expect(em.sentMail).toHaveLength(2);
  });
});
