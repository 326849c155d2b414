import { readCsv } from '../src/adapters/in/csv-upload';

const limits = { fileName: 'f.csv', maxBytes: 10_000, maxRows: 3 };
const HEAD = 'admission_number,first_name,birth_date,grade,section,guardian_name,guardian_relationship';
/** The file as it streams in: in small pieces, cut anywhere (inside a quote, a CRLF, a UTF-8 character). */
async function* pieces(bytes: Buffer, size = 3) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const read = (text: string | Buffer, over = {}) =>
  readCsv(pieces(typeof text === 'string' ? Buffer.from(text) : text), { ...limits, ...over });

describe('reading an uploaded CSV as it streams in', () => {
  it('reads quoted cells (commas, doubled quotes, line breaks), CRLF or LF, a BOM, and numbers rows by line', async () => {
    const file = `\uFEFF${HEAD}\r\nA-1,"Anu, ""the quick""",2016-01-01,5,A,"Mala\nRao",mother\n\nA-2,Zoë,2016-01-02,5,B,Ravi,father`;
    const { rows, sha256 } = await read(file);
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        cells: expect.objectContaining({ first_name: 'Anu, "the quick"', guardian_name: 'Mala\nRao' }),
      }),
      expect.objectContaining({
        line: 5,
        cells: expect.objectContaining({ admission_number: 'A-2', first_name: 'Zoë' }),
      }),
    ]);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses the file whole for a bad encoding, unknown, missing or repeated columns, or a broken row', async () => {
    const refusal = (text: string | Buffer) =>
      read(text).then(
        () => 'read',
        (error: { code?: string; getStatus?: () => number }) => error.code ?? String(error.getStatus?.()),
      );
    expect(await refusal(Buffer.from(`${HEAD}\nA-1,Zoë,2016-01-01,5,A,R,m`, 'latin1'))).toBe('csv-not-utf8');
    expect(await refusal(`${HEAD},shoe\nA-1,Z,2016-01-01,5,A,R,m,4`)).toBe('csv-unknown-columns');
    expect(await refusal('admission_number,first_name\nA-1,Z')).toBe('csv-missing-columns');
    expect(await refusal(`${HEAD},grade\nA-1,Z,2016-01-01,5,A,R,m,5`)).toBe('csv-repeated-columns');
    expect(await refusal(`${HEAD}\nA-1,Z`)).toBe('csv-malformed');
    expect(await refusal(`${HEAD}\nA-1,"Z,2016-01-01,5,A,R,m`)).toBe('csv-malformed');
    expect(await refusal(`${HEAD}\n`)).toBe('import-empty');
    expect(await refusal(`${HEAD}\n${'A-1,Z,2016-01-01,5,A,R,m\n'.repeat(4)}`)).toBe('import-too-many-rows');
    expect(await refusal(`${HEAD}\n${'A-1,Z,2016-01-01,5,A,R,m\n'.repeat(500)}`)).toBe('413');
  });
});
