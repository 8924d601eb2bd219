import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { PLATFORM_MIGRATIONS_TABLE, PLATFORM_TABLES } from './platform-migrations.js';
import { parsePrismaSchema, type SchemaField, type SchemaModel } from './prisma-schema.js';

/**
 * Compares `schema.prisma` with a migrated database and lists every disagreement: a missing table
 * or column, a wrong type or nullability, a missing primary key, unique or index, a column the
 * schema does not know, an enum with other values. Each service's tests assert the list is empty,
 * which keeps hand-written migrations and the Prisma schema in step.
 *
 * The platform's tables (outbox, inbox: db/platform-migrations.ts) are not in any schema.prisma;
 * they are checked against the platform's own description of them: every column with its type and
 * nullability, their indexes and the outbox trigger (with its transition table).
 */

const NATIVE_TYPES: Record<string, string> = {
  Uuid: 'uuid',
  Text: 'text',
  VarChar: 'varchar',
  Char: 'bpchar',
  Citext: 'citext',
  SmallInt: 'int2',
  Integer: 'int4',
  BigInt: 'int8',
  Timestamptz: 'timestamptz',
  Timestamp: 'timestamp',
  Date: 'date',
  Time: 'time',
  Decimal: 'numeric',
  Money: 'money',
  DoublePrecision: 'float8',
  Real: 'float4',
  Json: 'json',
  JsonB: 'jsonb',
  Inet: 'inet',
};

const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Decimal: 'numeric',
  Float: 'float8',
  Json: 'jsonb',
  Bytes: 'bytea',
};

function expectedType(field: SchemaField, enumDbNames: Map<string, string>): string {
  const base =
    (field.nativeType && NATIVE_TYPES[field.nativeType]) ??
    DEFAULT_TYPES[field.prismaType] ??
    enumDbNames.get(field.prismaType) ??
    field.prismaType;
  return field.list ? `_${base}` : base;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

interface NamedRow {
  table_name: string;
  name: string;
  /** Triggers only: whether it has a NEW TABLE (transition table). */
  new_table?: boolean;
}

interface IndexRow {
  table_name: string;
  is_unique: boolean;
  is_primary: boolean;
  columns: string[];
}

export interface DriftOptions {
  connectionString: string;
  schemaPath: string;
  /** `table.column` pairs that exist on purpose outside Prisma's view (generated columns, say). */
  ignoreColumns?: string[];
  /** Tables that are not in the schema on purpose (besides `_prisma_migrations`). */
  ignoreTables?: string[];
}

export async function findSchemaDrift(options: DriftOptions): Promise<string[]> {
  const schema = parsePrismaSchema(await readFile(options.schemaPath, 'utf8'));
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    const columns = (
      await client.query<ColumnRow>(
        `SELECT table_name, column_name, udt_name, is_nullable
           FROM information_schema.columns WHERE table_schema = 'public'`,
      )
    ).rows;
    const indexes = (
      await client.query<IndexRow>(
        `SELECT t.relname AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
                array_agg(a.attname ORDER BY k.ord)::text[] AS columns
           FROM pg_index i
           JOIN pg_class t ON t.oid = i.indrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
           CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
           LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
          -- Key columns only: INCLUDE columns (after indnkeyatts) are carried, not indexed.
          WHERE i.indexprs IS NULL AND i.indpred IS NULL AND k.ord <= i.indnkeyatts
          GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`,
      )
    ).rows;
    const enumRows = (
      await client.query<{ name: string; labels: string[] }>(
        `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
           FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
      )
    ).rows;
    const named = (
      await client.query<NamedRow>(
        `SELECT t.relname AS table_name, c.relname AS name
           FROM pg_index i
           JOIN pg_class c ON c.oid = i.indexrelid
           JOIN pg_class t ON t.oid = i.indrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'`,
      )
    ).rows;
    const triggers = (
      await client.query<NamedRow>(
        `SELECT t.relname AS table_name, g.tgname AS name, g.tgnewtable IS NOT NULL AS new_table
           FROM pg_trigger g
           JOIN pg_class t ON t.oid = g.tgrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
          WHERE NOT g.tgisinternal`,
      )
    ).rows;
    return [
      ...compare(schema.models, schema.enums, columns, indexes, enumRows, options),
      ...comparePlatformTables(columns, named, triggers),
    ];
  } finally {
    await client.end();
  }
}

function compare(
  models: SchemaModel[],
  enums: { name: string; dbName: string; values: string[] }[],
  columns: ColumnRow[],
  indexes: IndexRow[],
  enumRows: { name: string; labels: string[] }[],
  options: DriftOptions,
): string[] {
  const problems: string[] = [];
  const ignoredColumns = new Set(options.ignoreColumns ?? []);
  const enumDbNames = new Map(enums.map((e) => [e.name, e.dbName]));
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

  for (const e of enums) {
    const row = enumRows.find((r) => r.name === e.dbName);
    if (!row) problems.push(`enum ${e.dbName} is missing`);
    else if (!same(row.labels, e.values))
      problems.push(
        `enum ${e.dbName} has [${row.labels.join(', ')}], schema says [${e.values.join(', ')}]`,
      );
  }

  const knownTables = new Set([
    '_prisma_migrations',
    PLATFORM_MIGRATIONS_TABLE,
    ...Object.keys(PLATFORM_TABLES),
    ...(options.ignoreTables ?? []),
    ...models.map((m) => m.table),
  ]);
  for (const table of new Set(columns.map((c) => c.table_name))) {
    if (!knownTables.has(table)) problems.push(`table ${table} is not in the schema`);
  }

  for (const model of models) {
    const tableColumns = columns.filter((c) => c.table_name === model.table);
    if (tableColumns.length === 0) {
      problems.push(`table ${model.table} (model ${model.name}) is missing`);
      continue;
    }
    for (const field of model.fields) {
      const column = tableColumns.find((c) => c.column_name === field.column);
      const where = `${model.table}.${field.column}`;
      if (!column) {
        problems.push(`column ${where} is missing`);
        continue;
      }
      const type = expectedType(field, enumDbNames);
      if (column.udt_name !== type)
        problems.push(`column ${where} is ${column.udt_name}, schema says ${type}`);
      const nullable = column.is_nullable === 'YES';
      if (nullable !== field.optional && !field.list)
        problems.push(
          `column ${where} is ${nullable ? 'nullable' : 'NOT NULL'}, schema says ${field.optional ? 'optional' : 'required'}`,
        );
    }
    for (const column of tableColumns) {
      const key = `${model.table}.${column.column_name}`;
      if (!model.fields.some((f) => f.column === column.column_name) && !ignoredColumns.has(key))
        problems.push(`column ${key} is not in the schema`);
    }
    const tableIndexes = indexes.filter((i) => i.table_name === model.table);
    if (
      model.primaryKey.length > 0 &&
      !tableIndexes.some((i) => i.is_primary && same(i.columns, model.primaryKey))
    )
      problems.push(`primary key (${model.primaryKey.join(', ')}) on ${model.table} is missing`);
    for (const unique of model.uniques) {
      if (!tableIndexes.some((i) => i.is_unique && same(i.columns, unique)))
        problems.push(`unique (${unique.join(', ')}) on ${model.table} is missing`);
    }
    for (const index of model.indexes) {
      if (!tableIndexes.some((i) => same(i.columns, index)))
        problems.push(`index (${index.join(', ')}) on ${model.table} is missing`);
    }
  }
  return problems;
}

/** The platform's tables against their description (PLATFORM_TABLES). */
function comparePlatformTables(
  columns: ColumnRow[],
  indexes: NamedRow[],
  triggers: NamedRow[],
): string[] {
  const problems: string[] = [];
  for (const [table, shape] of Object.entries(PLATFORM_TABLES)) {
    const tableColumns = columns.filter((c) => c.table_name === table);
    if (tableColumns.length === 0) {
      problems.push(`platform table ${table} is missing`);
      continue;
    }
    for (const [name, [type, nullable]] of Object.entries(shape.columns)) {
      const column = tableColumns.find((c) => c.column_name === name);
      const where = `${table}.${name}`;
      if (!column) problems.push(`column ${where} is missing`);
      else if (column.udt_name !== type)
        problems.push(`column ${where} is ${column.udt_name}, the platform says ${type}`);
      else if ((column.is_nullable === 'YES') !== nullable) {
        const [is, says] = nullable ? ['NOT NULL', 'nullable'] : ['nullable', 'NOT NULL'];
        problems.push(`column ${where} is ${is}, the platform says ${says}`);
      }
    }
    for (const column of tableColumns) {
      if (!(column.column_name in shape.columns))
        problems.push(`column ${table}.${column.column_name} is not the platform's`);
    }
    for (const index of shape.indexes) {
      if (!indexes.some((i) => i.table_name === table && i.name === index))
        problems.push(`index ${index} on ${table} is missing`);
    }
    for (const trigger of shape.triggers) {
      const found = triggers.find((t) => t.table_name === table && t.name === trigger);
      if (!found) problems.push(`trigger ${trigger} on ${table} is missing`);
      else if (!found.new_table)
        problems.push(`trigger ${trigger} on ${table} has no transition table (an old copy)`);
    }
  }
  return problems;
}
