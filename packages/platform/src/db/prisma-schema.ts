/**
 * A small reader of the parts of a `schema.prisma` that the drift check compares with the database:
 * models and their tables, scalar fields and their columns, types, nullability, ids, uniques,
 * indexes and enums. It reads the subset of the language our schemas use, not every construct.
 */

export interface SchemaField {
  name: string;
  column: string;
  prismaType: string;
  nativeType: string | undefined;
  optional: boolean;
  list: boolean;
  isId: boolean;
  isUnique: boolean;
}

export interface SchemaModel {
  name: string;
  table: string;
  fields: SchemaField[];
  /** Column lists, in order. */
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
}

export interface SchemaEnum {
  name: string;
  dbName: string;
  values: string[];
}

export interface ParsedSchema {
  models: SchemaModel[];
  enums: SchemaEnum[];
}

const BLOCK = /^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm;
const MAP = /@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)/;
const BLOCK_MAP = /@@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)/;

function stripComments(text: string): string {
  return text.replace(/\/\/.*$/gm, '');
}

function fieldList(attribute: string, body: string): string[][] {
  const pattern = new RegExp(`@@${attribute}\\(\\s*(?:fields:\\s*)?\\[([^\\]]*)\\]`, 'g');
  return [...body.matchAll(pattern)].map((match) =>
    (match[1] ?? '')
      .split(',')
      .map((part) => part.trim().replace(/\(.*$/, ''))
      .filter(Boolean),
  );
}

export function parsePrismaSchema(source: string): ParsedSchema {
  const text = stripComments(source);
  const blocks = [...text.matchAll(BLOCK)].map((match) => ({
    kind: match[1] as 'model' | 'enum',
    name: match[2] ?? '',
    body: match[3] ?? '',
  }));
  const enums: SchemaEnum[] = blocks
    .filter((block) => block.kind === 'enum')
    .map((block) => ({
      name: block.name,
      dbName: BLOCK_MAP.exec(block.body)?.[1] ?? block.name,
      values: block.body
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('@@'))
        .map((line) => MAP.exec(line)?.[1] ?? line.split(/\s+/)[0] ?? ''),
    }));
  const enumNames = new Set(enums.map((e) => e.name));
  const modelNames = new Set(blocks.filter((b) => b.kind === 'model').map((b) => b.name));
  const scalarTypes = new Set([
    'String',
    'Int',
    'BigInt',
    'Boolean',
    'DateTime',
    'Decimal',
    'Float',
    'Json',
    'Bytes',
  ]);

  const models = blocks
    .filter((block) => block.kind === 'model')
    .map((block): SchemaModel => {
      const fields: SchemaField[] = [];
      for (const raw of block.body.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('@@')) continue;
        const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
        if (!match) continue;
        const [, name = '', type = '', list, optional, attributes = ''] = match;
        if (modelNames.has(type) || (!scalarTypes.has(type) && !enumNames.has(type))) continue;
        if (/@relation\(/.test(attributes)) continue;
        fields.push({
          name,
          column: MAP.exec(attributes)?.[1] ?? name,
          prismaType: type,
          nativeType: /@db\.(\w+)/.exec(attributes)?.[1],
          optional: Boolean(optional),
          list: Boolean(list),
          isId: /@id\b/.test(attributes),
          isUnique: /@unique\b/.test(attributes),
        });
      }
      const column = (field: string) => fields.find((f) => f.name === field)?.column ?? field;
      const compoundId = fieldList('id', block.body)[0];
      return {
        name: block.name,
        table: BLOCK_MAP.exec(block.body)?.[1] ?? block.name,
        fields,
        primaryKey: compoundId
          ? compoundId.map(column)
          : fields.filter((f) => f.isId).map((f) => f.column),
        uniques: [
          ...fields.filter((f) => f.isUnique).map((f) => [f.column]),
          ...fieldList('unique', block.body).map((list) => list.map(column)),
        ],
        indexes: fieldList('index', block.body).map((list) => list.map(column)),
      };
    });
  return { models, enums };
}
