/**
 * docs/batch-ndjson.md is the contract of `memtrail batch --out findings.ndjson`. This test reads
 * that file and proves, on real output of the built CLI (several samples plus a broken input, so
 * both `ok` and `error` lines occur):
 * - every line has exactly the columns of the "## Columns" table, in its order, each value of the
 *   documented type, `null` only where the table allows it;
 * - the ClickHouse CREATE TABLE and the BigQuery schema name the same columns, types and struct
 *   fields in the same order, so the four descriptions (table, two schemas, output) agree;
 * - the DuckDB statements under "## Loading it" run as written in a real DuckDB and give the
 *   documented types and the expected answers, also on a file where no bundle has a forecast.
 * Needs `npm run build` first (npm test does it).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, DuckDBListType, DuckDBStructType, type DuckDBConnection, type DuckDBResultReader, type DuckDBType } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../hostile/run-cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = ['samples/process-leak.tar.gz', 'samples/healthy-baseline.tar.gz', 'samples/real-memcg-oom.tar.zst'];

/** A column (or struct field) as one of the descriptions states it. */
interface Column {
  name: string;
  kind: string; // 'string' | 'float64' | 'int64' | 'timestamp' | 'array of struct'
  nullable: boolean;
  fields?: Column[];
}

/** A row of the "## Columns" table. */
interface DocColumn extends Column {
  nullWhen: string;
  /** The only values a string column takes, when its meaning opens with a list of them. */
  values?: string[];
}

type Line = Record<string, unknown>;

// ---- reading the doc ------------------------------------------------------------------------

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, `"## ${heading}" in docs/batch-ndjson.md`).toBeGreaterThan(-1);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

/** The first ```lang block after the paragraph that starts with `label`. */
function codeBlockAfter(text: string, label: string, lang: string): string {
  const at = text.search(new RegExp(`^${label}`, 'm'));
  expect(at, `a paragraph starting "${label}"`).toBeGreaterThan(-1);
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(text.slice(at));
  expect(block, `a \`\`\`${lang} block after "${label}"`).not.toBeNull();
  return block![1]!;
}

function docKind(type: string): string {
  if (type.startsWith('timestamp')) return 'timestamp';
  return type;
}

/** `{time timestamp-string\|null, pid int64\|null, …}` in a meaning cell. */
function docStructFields(meaning: string): Column[] {
  const body = /\{([^}]*)\}/.exec(meaning)?.[1] ?? '';
  return body.split(', ').map((field) => {
    const [, name, type, orNull] = /^(\w+) ([\w-]+)(\\\|null)?/.exec(field)!;
    return { name: name!, kind: docKind(type!), nullable: orNull !== undefined };
  });
}

function docColumns(doc: string): DocColumn[] {
  const rows = section(doc, 'Columns').split('\n').filter((l) => l.startsWith('| `'));
  return rows.map((row) => {
    const [name, type, nullWhen, meaning] = row.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim());
    const column: DocColumn = { name: name!.replaceAll('`', ''), kind: docKind(type!), nullable: !nullWhen!.startsWith('never'), nullWhen: nullWhen! };
    if (column.kind === 'array of struct') column.fields = docStructFields(meaning!);
    const values = /^`[^`]+`(?:(?:, | or )`[^`]+`)*/.exec(meaning!)?.[0];
    if (column.kind === 'string' && values) column.values = values.split(/, | or /).map((v) => v.replaceAll('`', ''));
    return column;
  });
}

interface BigQueryField { name: string; type: string; mode?: string; fields?: BigQueryField[] }
const BIGQUERY_KINDS: Record<string, string> = { STRING: 'string', FLOAT64: 'float64', INT64: 'int64', TIMESTAMP: 'timestamp' };

function bigQueryColumn(f: BigQueryField): Column {
  const kind = f.type === 'RECORD' && f.mode === 'REPEATED' ? 'array of struct' : BIGQUERY_KINDS[f.type] ?? `BigQuery ${f.type}`;
  return { name: f.name, kind, nullable: f.mode !== 'REQUIRED' && f.mode !== 'REPEATED', fields: f.fields?.map(bigQueryColumn) };
}

/** Splits on the commas that are outside parentheses. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  [...list].forEach((ch, i) => {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(from, i));
      from = i + 1;
    }
  });
  return [...parts, list.slice(from)].map((p) => p.trim()).filter((p) => p !== '');
}

const unwrap = (type: string, wrapper: string): string | null =>
  type.startsWith(`${wrapper}(`) && type.endsWith(')') ? type.slice(wrapper.length + 1, -1) : null;
const CLICKHOUSE_KINDS: Record<string, string> = { String: 'string', Float64: 'float64', Int64: 'int64', "DateTime64(3, 'UTC')": 'timestamp' };

/** `name Type` from the CREATE TABLE, LowCardinality dropped, Nullable read as nullable. */
function clickHouseColumn(definition: string): Column {
  const [, name, declared] = /^(\w+)\s+([\s\S]+)$/.exec(definition)!;
  let type = unwrap(declared!, 'LowCardinality') ?? declared!;
  const nullable = unwrap(type, 'Nullable') !== null;
  type = unwrap(type, 'Nullable') ?? type;
  const tuple = unwrap(unwrap(type, 'Array') ?? '', 'Tuple');
  if (tuple !== null) return { name: name!, kind: 'array of struct', nullable, fields: splitTopLevel(tuple).map(clickHouseColumn) };
  return { name: name!, kind: CLICKHOUSE_KINDS[type] ?? `ClickHouse ${type}`, nullable };
}

const DUCKDB_KINDS: Record<string, string> = { VARCHAR: 'string', DOUBLE: 'float64', BIGINT: 'int64', TIMESTAMP: 'timestamp' };

function duckDbColumn(name: string, type: DuckDBType): Column {
  if (type instanceof DuckDBListType && type.valueType instanceof DuckDBStructType) {
    const struct = type.valueType;
    return { name, kind: 'array of struct', nullable: true, fields: struct.entryNames.map((n, i) => duckDbColumn(n, struct.entryTypes[i]!)) };
  }
  return { name, kind: DUCKDB_KINDS[type.toString()] ?? `DuckDB ${type.toString()}`, nullable: true };
}

/**
 * One comparable string a column: name, kind, struct fields, and nullability where the
 * description states it (DuckDB does not; BigQuery leaves struct fields nullable).
 */
function signature(c: Column, nullability: 'all' | 'top' | 'none', top = true): string {
  const nullable = nullability === 'all' || (nullability === 'top' && top) ? (c.nullable ? ' null' : ' not null') : '';
  const fields = c.fields ? ` {${c.fields.map((f) => signature(f, nullability, false)).join(', ')}}` : '';
  return `${c.name} ${c.kind}${nullable}${fields}`;
}

// ---- checking values ------------------------------------------------------------------------

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What is wrong with `value` as a value of `column` (nothing: []). */
function typeProblems(value: unknown, column: Column, where: string): string[] {
  if (value === null) return column.nullable ? [] : [`${where} is null`];
  const bad = [`${where} = ${JSON.stringify(value)} is not ${column.kind}`];
  switch (column.kind) {
    case 'string':
      return typeof value === 'string' ? [] : bad;
    case 'float64':
      return typeof value === 'number' && Number.isFinite(value) ? [] : bad;
    case 'int64':
      return Number.isSafeInteger(value) ? [] : bad;
    case 'timestamp':
      return typeof value === 'string' && ISO_MS.test(value) && new Date(value).toISOString() === value ? [] : bad;
    case 'array of struct':
      if (!Array.isArray(value)) return bad;
      return value.flatMap((item: Line, i) => {
        const names = column.fields!.map((f) => f.name);
        const keys = Object.keys(item);
        const shape = keys.join() === names.join() ? [] : [`${where}[${i}] has fields ${keys.join()}, documented ${names.join()}`];
        return [...shape, ...column.fields!.flatMap((f) => typeProblems(item[f.name], f, `${where}[${i}].${f.name}`))];
      });
    default:
      return [`${where}: undocumented type ${column.kind}`];
  }
}

/** Nulls and lists as the table and the intro say: on error lines only the never-null columns and `error` hold a value. */
function statusProblems(line: Line, columns: DocColumn[]): string[] {
  const where = `${String(line.bundle)}: `;
  if (line.status === 'ok') {
    return [
      ...(line.error === null ? [] : [`${where}error is set on an ok line`]),
      ...columns.filter((c) => c.nullWhen === 'error' && line[c.name] === null).map((c) => `${where}${c.name} is null on an ok line`),
    ];
  }
  return [
    ...(typeof line.error === 'string' && /\S/.test(line.error) && !line.error.includes('\n') ? [] : [`${where}error is not a one-line message`]),
    ...columns
      .filter((c) => c.nullable && c.name !== 'error' && line[c.name] !== null)
      .map((c) => `${where}${c.name} = ${JSON.stringify(line[c.name])} on an error line`),
    ...columns
      .filter((c) => c.kind === 'array of struct' && (line[c.name] as unknown[]).length > 0)
      .map((c) => `${where}${c.name} is not [] on an error line`),
  ];
}

function lineProblems(line: Line, columns: DocColumn[]): string[] {
  return [
    ...columns.flatMap((c) => typeProblems(line[c.name], c, `${String(line.bundle)}: ${c.name}`)),
    ...columns
      .filter((c) => c.values && line[c.name] !== null && !c.values.includes(line[c.name] as string))
      .map((c) => `${String(line.bundle)}: ${c.name} = ${JSON.stringify(line[c.name])}, documented ${c.values!.join(' | ')}`),
    ...statusProblems(line, columns),
  ];
}

// ---- DuckDB ---------------------------------------------------------------------------------

/** Runs each statement of the doc's DuckDB block on `file`, returning every statement's result. */
async function runDocSql(connection: DuckDBConnection, sql: string, file: string): Promise<DuckDBResultReader[]> {
  expect(sql).toContain("'findings.ndjson'");
  const statements = await connection.extractStatements(sql.replaceAll("'findings.ndjson'", `'${file.replaceAll("'", "''")}'`));
  const results: DuckDBResultReader[] = [];
  for (let i = 0; i < statements.count; i++) results.push(await (await statements.prepare(i)).runAndReadAll());
  return results;
}

const resultWithColumn = (results: DuckDBResultReader[], column: string) => {
  const result = results.find((r) => r.columnNames().includes(column));
  expect(result, `a statement of the DuckDB block returns a ${column} column`).toBeDefined();
  return result!.getRowObjectsJS();
};

/** A connection to a new in-memory database (each test loads its own `findings` table). */
async function newDuckDb(): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return { connection, close: () => (connection.closeSync(), instance.closeSync()) };
}

async function loadedColumns(connection: DuckDBConnection): Promise<Column[]> {
  const table = await connection.runAndReadAll('SELECT * FROM findings LIMIT 0');
  return table.columnNames().map((name, i) => duckDbColumn(name, table.columnType(i)));
}

// ---- the tests ------------------------------------------------------------------------------

describe('docs/batch-ndjson.md against `memtrail batch` output', () => {
  let doc: string;
  let columns: DocColumn[];
  let work: string;
  let ndjson: string;
  let lines: Line[];

  beforeAll(async () => {
    doc = await readFile(join(repo, 'docs/batch-ndjson.md'), 'utf8');
    columns = docColumns(doc);
    work = await mkdtemp(join(tmpdir(), 'memtrail-ndjson-'));
    const garbage = join(work, 'garbage.tar.gz');
    await writeFile(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
    ndjson = join(work, 'findings.ndjson');
    const run = await runCli(['batch', ...SAMPLES, garbage, '--out', ndjson, '--jobs', '2', '-q'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    lines = (await readFile(ndjson, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
  });

  afterAll(() => rm(work, { recursive: true, force: true }));

  it('has a column table to check against', () => {
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.map((c) => c.kind).filter((k) => !['string', 'float64', 'int64', 'timestamp', 'array of struct'].includes(k))).toEqual([]);
    expect(columns.find((c) => c.name === 'oom_kills')?.fields?.map((f) => f.name)).toEqual(['time', 'pid', 'comm', 'scope', 'memcg']);
    expect(columns.find((c) => c.name === 'status')?.values).toEqual(['ok', 'error']);
  });

  it('writes exactly the documented columns in order, typed and nulled as documented, on ok and error lines', () => {
    expect(lines.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'error']);
    for (const line of lines) expect(Object.keys(line), String(line.bundle)).toEqual(columns.map((c) => c.name));
    expect(lines.flatMap((line) => lineProblems(line, columns))).toEqual([]);
  });

  it('span_s is span_end − span_start to the millisecond, as the two times print it', () => {
    const spans = lines.filter((l) => l.span_s !== null);
    expect(spans.length).toBeGreaterThan(0);
    for (const l of spans) expect(l.span_s).toBe((Date.parse(String(l.span_end)) - Date.parse(String(l.span_start))) / 1000);
  });

  it('gives every column and struct field a value somewhere, so no type check above is vacuous', () => {
    const unset = columns.flatMap((c) => {
      const values = lines.map((l) => l[c.name]);
      if (!c.fields) return values.some((v) => v !== null) ? [] : [c.name];
      const items = values.flat() as Line[];
      return [...(items.length > 0 ? [] : [c.name]), ...c.fields.filter((f) => !items.some((i) => i[f.name] !== null)).map((f) => `${c.name}.${f.name}`)];
    });
    expect(unset).toEqual([]);
  });

  it('states the same columns, types and struct fields in the ClickHouse table and the BigQuery schema', () => {
    const loading = section(doc, 'Loading it');
    const create = /CREATE TABLE memtrail_findings \(([\s\S]*)\) ENGINE/.exec(codeBlockAfter(loading, 'ClickHouse', 'sql'))?.[1];
    expect(create, 'CREATE TABLE memtrail_findings (…) ENGINE').toBeDefined();
    const clickHouse = splitTopLevel(create!).map(clickHouseColumn);
    expect(clickHouse.map((c) => signature(c, 'all'))).toEqual(columns.map((c) => signature(c, 'all')));

    const bigQuery = (JSON.parse(codeBlockAfter(loading, 'BigQuery', 'json')) as BigQueryField[]).map(bigQueryColumn);
    expect(bigQuery.map((c) => signature(c, 'top'))).toEqual(columns.map((c) => signature(c, 'top')));
  });

  it('loads into DuckDB with the documented SQL, with the documented types, and answers its queries', async () => {
    const { connection, close } = await newDuckDb();
    const sql = codeBlockAfter(section(doc, 'Loading it'), 'DuckDB', 'sql');
    const results = await runDocSql(connection, sql, ndjson);

    const loaded = await loadedColumns(connection);
    expect(loaded.map((c) => signature(c, 'none'))).toEqual(columns.map((c) => signature(c, 'none')));
    expect(loaded.find((c) => c.name === 'span_start')?.kind).toBe('timestamp');

    const ok = lines.filter((l) => l.status === 'ok');
    const hours = resultWithColumn(results, 'hours_left');
    expect(hours).toHaveLength(ok.length);
    const leak = ok.find((l) => l.bundle === 'samples/process-leak.tar.gz')!;
    expect(hours[0]).toEqual({ host: 'app-01', root_cause: 'process-leak', hours_left: (leak.forecast_seconds_to_exhaustion as number) / 3600 });
    expect(hours[0]!.hours_left).toBeGreaterThan(0);
    expect(hours.slice(1).map((r) => r.hours_left)).toEqual([null, null]);

    const perId = new Map<string, number>();
    for (const f of lines.flatMap((l) => l.findings as Line[])) perId.set(f.id as string, (perId.get(f.id as string) ?? 0) + 1);
    const counted = resultWithColumn(results, 'id').map((r) => [r.id, Number(r['count_star()'])]);
    expect(new Map(counted as [string, number][])).toEqual(perId);

    // Times come back as the instants written, struct lists as lists of objects.
    const rows = (await connection.runAndReadAll('SELECT bundle, span_start, oom_kills FROM findings')).getRowObjectsJS();
    expect(rows.map((r) => (r.span_start as Date | null)?.toISOString() ?? null)).toEqual(lines.map((l) => l.span_start));
    const kill = (rows.find((r) => r.bundle === leak.bundle)!.oom_kills as Line[])[0]!;
    expect({ ...kill, time: (kill.time as Date).toISOString(), pid: Number(kill.pid) }).toEqual((leak.oom_kills as Line[])[0]);
    close();
  });

  it('loads with the same types from a file where no bundle has a forecast or an OOM kill', async () => {
    const sparse = join(work, 'sparse.ndjson');
    const quiet = lines.filter((l) => l.forecast_exhaustion_time === null && (l.oom_kills as unknown[]).length === 0);
    expect(quiet.map((l) => l.status)).toEqual(['ok', 'error']);
    await writeFile(sparse, quiet.map((l) => JSON.stringify(l)).join('\n') + '\n');

    const { connection, close } = await newDuckDb();
    const results = await runDocSql(connection, codeBlockAfter(section(doc, 'Loading it'), 'DuckDB', 'sql'), sparse);
    expect((await loadedColumns(connection)).map((c) => signature(c, 'none'))).toEqual(columns.map((c) => signature(c, 'none')));
    expect(resultWithColumn(results, 'hours_left')).toEqual([{ host: 'app-01', root_cause: null, hours_left: null }]);
    close();
  });
});
