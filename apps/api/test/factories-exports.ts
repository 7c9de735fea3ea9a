import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import type { TestApi } from './api';

const standards = join(import.meta.dirname, 'standards');

/** A GET of an export over real HTTP, as the administrator unless `headers` say otherwise. */
export async function getExport(
  api: TestApi,
  path: string,
  headers?: Record<string, string>,
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(api.url.replace(/\/graphql$/, path), {
    headers: { ...(headers?.authorization ? {} : { cookie: api.adminCookie }), ...headers },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The records of a CSV text, as arrays of cells (RFC 4180). */
export const csvRows = (text: string): string[][] => parse(text, { relax_column_count: false });

const file = async (dir: string, name: string) => ({
  fileName: name,
  contents: await readFile(join(standards, dir, name), 'utf8'),
});

/** Validates against a standard's schema; resolves to xmllint's errors (none when valid). */
export async function schemaErrors(xml: string, standard: 'cap' | 'iati'): Promise<string[]> {
  const [schema, preload] =
    standard === 'cap'
      ? [await file('cap-1.2', 'CAP-v1.2.xsd'), []]
      : [
          await file('iati-2.03', 'iati-activities-schema.xsd'),
          [await file('iati-2.03', 'iati-common.xsd'), await file('iati-2.03', 'xml.xsd')],
        ];
  const result = await validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [schema],
    preload,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** The example documents the standards ship, to prove the validation itself works. */
export const standardExample = (standard: 'cap' | 'iati') =>
  standard === 'cap'
    ? readFile(join(standards, 'cap-1.2', 'example-amber-alert.xml'), 'utf8')
    : readFile(join(standards, 'iati-2.03', 'example-minimal.xml'), 'utf8');

/** Values that break naive CSV and XML writers. */
export const AWKWARD = {
  emoji: 'Water 💧 & shelter 🏕️',
  rtl: 'حماية المدنيين — جوبا',
  comma: 'Bor, Jonglei',
  quote: 'The "safe" corridor',
  newline: 'Line one\nline two',
  formula: '=HYPERLINK("http://evil.example","click")',
  markup: '<b>bold</b> & </alert>',
};
