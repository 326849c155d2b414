import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { PayloadTooLargeException } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { COLUMNS, REQUIRED_COLUMNS } from '../../application/import-columns';
import type { Column, ImportFile, ImportRow } from '../../application/import-columns';

/** Reading past the limit goes on (counting, not keeping) this much further, so the client still gets the 413. */
const DRAIN_FACTOR = 8;

/**
 * Reads an uploaded CSV as it streams in (RFC 4180: quoted cells, doubled quotes, CRLF or LF),
 * and checks the file as a whole before anything is written: UTF-8 (a BOM is dropped), at most
 * `maxBytes`, a header of known columns with every required one, every row as many cells as
 * the header, at most `maxRows` rows. A file that fails any of these is refused whole.
 */
export async function readCsv(
  body: AsyncIterable<Buffer | string>,
  { fileName, maxBytes, maxRows }: { fileName: string; maxBytes: number; maxRows: number },
): Promise<ImportFile> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const hash = createHash('sha256');
  const parser = new CsvParser();
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > maxBytes) {
      if (bytes > maxBytes * DRAIN_FACTOR) break;
      continue;
    }
    hash.update(buffer);
    parser.push(decode(decoder, buffer, true), maxRows);
  }
  if (bytes > maxBytes) throw new PayloadTooLargeException(`the file is over ${maxBytes} bytes; split it`);
  parser.push(decode(decoder, Buffer.alloc(0), false), maxRows);
  if (parser.overflow) throw new DomainError('import-too-many-rows', { maxRows, detail: 'split the file' });
  const records = parser.end();
  return { fileName, sha256: hash.digest('hex'), rows: rowsOf(records) };
}

function decode(decoder: TextDecoder, buffer: Buffer, stream: boolean): string {
  try {
    return decoder.decode(buffer, { stream });
  } catch {
    throw new DomainError('csv-not-utf8', { detail: 'the file must be UTF-8 text (save it as "CSV UTF-8")' });
  }
}

interface CsvRecord {
  line: number;
  cells: string[];
}

function rowsOf(records: CsvRecord[]): ImportRow[] {
  const [header, ...data] = records;
  if (!header) throw new DomainError('import-empty');
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (unknown.length) throw new DomainError('csv-unknown-columns', { columns: unknown, allowed: COLUMNS });
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) throw new DomainError('csv-missing-columns', { columns: missing });
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length) throw new DomainError('csv-repeated-columns', { columns: repeated });
  const columns = names as Column[];
  const rows = data
    .filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ''))
    .map((r) => {
      if (r.cells.length !== columns.length)
        throw new DomainError('csv-malformed', { line: r.line, cells: r.cells.length, columns: columns.length });
      return { line: r.line, cells: Object.fromEntries(columns.map((c, i) => [c, r.cells[i]])) };
    });
  if (rows.length === 0) throw new DomainError('import-empty');
  return rows;
}

/** RFC 4180, fed text as it arrives. */
class CsvParser {
  private records: CsvRecord[] = [];
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  /** Inside quotes, a quote just seen: the next character says whether it closed them or was doubled. */
  private quote = false;
  private line = 1;
  private recordLine = 1;
  private carriage = false;

  /** More rows than allowed came: the rest is only counted (the size may still be what to report). */
  overflow = false;

  push(text: string, maxRows: number) {
    if (this.overflow) return;
    for (const ch of text) this.take(ch);
    this.overflow = this.records.length > maxRows + 1;
  }

  end(): CsvRecord[] {
    if (this.overflow) return [];
    if (this.quoted && !this.quote)
      throw new DomainError('csv-malformed', { line: this.recordLine, detail: 'a quote is never closed' });
    if (this.cell !== '' || this.cells.length) this.finishRecord();
    return this.records;
  }

  private take(ch: string) {
    if (this.quoted) {
      if (this.quote) {
        this.quote = false;
        if (ch === '"') return void (this.cell += '"');
        this.quoted = false; // the quote closed the cell; `ch` is read as outside quotes
      } else if (ch === '"') return void (this.quote = true);
      else {
        if (ch === '\n') this.line++;
        return void (this.cell += ch);
      }
    }
    if (this.carriage && ch !== '\n') this.finishRecord();
    this.carriage = false;
    if (ch === '"' && this.cell === '') this.quoted = true;
    else if (ch === ',') this.finishCell();
    else if (ch === '\r') this.carriage = true;
    else if (ch === '\n') this.finishRecord();
    else this.cell += ch;
  }

  private finishCell() {
    this.cells.push(this.cell);
    this.cell = '';
  }

  private finishRecord() {
    this.finishCell();
    this.records.push({ line: this.recordLine, cells: this.cells });
    this.cells = [];
    this.line++;
    this.recordLine = this.line;
  }
}
