import { readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SECTIONS, CLAUSE_FORMS } from '../common/modules.js';
import { clauseFormsOf, staffSectionsOf, type ModuleManifest } from './core/module.js';
import { migrations } from './db/migrations/index.js';
import { MODULES } from './modules.js';
import { dialects, testDatabase } from './testing.js';
import type { DatabaseHandle } from './db/database.js';

/**
 * What a module adds must be listed where the app reads it: a manifest in `api/modules.ts`, a
 * table file in the `Database` type, a migration in the migration index. A forgotten one fails
 * here rather than silently (no route, no purge, no table).
 */

const API = resolve(import.meta.dirname);
const filesIn = (dir: string, suffix: string) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? readdirSync(join(dir, d.name)).filter((f) => f.endsWith(suffix)).map((f) => join(dir, d.name, f)) : []));
const moduleFiles = filesIn(API, '.module.ts');
const tableFiles = filesIn(API, '.table.ts');
const migrationFiles = readdirSync(join(API, 'db', 'migrations')).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'));

let program: ts.Program | undefined;
/**
 * The table files and the schema under the type checker. No lib and no @types: only the table
 * interfaces' property names are read, so nothing else needs to resolve.
 */
const tablesProgram = () =>
  (program ??= ts.createProgram([join(API, 'db', 'schema.ts'), ...tableFiles], {
    noEmit: true, noLib: true, types: [], skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  }));

/** Property names of the exported interfaces of `file` that `accept` picks, read by the type checker (inherited ones included). */
function interfaceProperties(program: ts.Program, file: string, accept: (name: string) => boolean): Map<string, string[]> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const out = new Map<string, string[]>();
  ts.forEachChild(source, (node) => {
    if (ts.isInterfaceDeclaration(node) && accept(node.name.text) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      out.set(node.name.text, checker.getPropertiesOfType(checker.getTypeAtLocation(node)).map((p) => p.name).sort());
    }
  });
  return out;
}

describe('the module list', () => {
  it('names every manifest under api/*/ once, and each manifest file holds its own slug', async () => {
    expect(moduleFiles.length).toBeGreaterThan(0);
    const found: ModuleManifest[] = [];
    for (const file of moduleFiles) {
      const exports = Object.values(await import(pathToFileURL(file).href)) as unknown[];
      const manifests = exports.filter((e): e is ModuleManifest => !!e && typeof e === 'object' && typeof (e as ModuleManifest).slug === 'string');
      expect(manifests.length, `${relative(API, file)} exports a manifest`).toBeGreaterThan(0);
      for (const m of manifests) {
        expect(basename(file), `${relative(API, file)} is named after its slug`).toBe(`${m.slug}.module.ts`);
        expect(MODULES.includes(m), `${relative(API, file)} (${m.slug}) is listed in api/modules.ts`).toBe(true);
        found.push(m);
      }
    }
    expect(MODULES.filter((m) => !found.includes(m)).map((m) => m.slug), 'listed modules without a manifest file').toEqual([]);
    expect(new Set(MODULES.map((m) => m.slug)).size).toBe(MODULES.length);
  });

  it("serves the staff sections and clause forms of the common module table, with the table's roles", () => {
    const served = staffSectionsOf(MODULES).map((s) => ({ section: s.section, roles: [...s.roles] }));
    const table = Object.entries(ADMIN_SECTIONS).map(([section, s]) => ({ section, roles: [...s.roles] }));
    expect(served).toEqual(table);
    expect(clauseFormsOf(MODULES)).toEqual(CLAUSE_FORMS);
  });

  it('puts every table file under api/*/ into the Database type, and nothing else', () => {
    const schema = join(API, 'db', 'schema.ts');
    const program = tablesProgram();
    const database = interfaceProperties(program, schema, (n) => n === 'Database').get('Database');
    expect(database, 'api/db/schema.ts exports interface Database').toBeDefined();
    const declared: string[] = [];
    for (const file of tableFiles) {
      const groups = interfaceProperties(program, file, (n) => n.endsWith('Tables'));
      expect(groups.size, `${relative(API, file)} exports one interface <Name>Tables listing its tables`).toBe(1);
      const tables = [...groups.values()][0]!;
      expect(tables.length, `${relative(API, file)} declares tables`).toBeGreaterThan(0);
      expect(database!.filter((t) => tables.includes(t)).sort(), `every table of ${relative(API, file)} is in Database (api/db/schema.ts)`).toEqual(tables);
      declared.push(...tables);
    }
    expect(database!.filter((t) => !declared.includes(t)), 'tables of Database that no table file declares').toEqual([]);
  });

  it('indexes every migration file, in name order, under its file name', () => {
    const names = migrationFiles.map((f) => f.replace(/\.ts$/, '')).sort();
    for (const name of names) expect(name, 'YYYY_MM_DD_HHMM_<verb>_<object>').toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z]+(_[a-z0-9]+)+$/);
    expect(Object.keys(migrations), 'api/db/migrations/index.ts lists every migration file, in order').toEqual(names);
  });
});

describe.each(dialects)('the migrations on %s', (dialect) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await testDatabase(dialect);
  });
  afterAll(() => handle.close());

  it('create exactly the tables of the Database type', async () => {
    const database = interfaceProperties(tablesProgram(), join(API, 'db', 'schema.ts'), (n) => n === 'Database').get('Database')!;
    const rows =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(handle.db)
        : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(handle.db);
    const tables = rows.rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_migration')).sort();
    expect(tables).toEqual([...database].sort());
  });
});
