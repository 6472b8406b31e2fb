/**
 * `npm run migration:generate -- <VerbNoun>` | `migration:run` | `migration:revert` | `migration:show`.
 * Uses DATABASE_URL, or the embedded server under DATA_DIR like the app does.
 */
import { readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig, REPO_ROOT } from '../config/app.config.js';
import { dataSourceOptions } from './data-source.js';
import { startDatabaseServer } from './database-server.js';

const MIGRATIONS_DIR = path.join(REPO_ROOT, 'migrations');
const MIGRATION_FILE = /^(\d{13})-([A-Z][A-Za-z0-9]*)\.ts$/;

async function main(command: string | undefined, name: string | undefined): Promise<number> {
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]*$/.test(name ?? '')) {
    console.error('Usage: npm run migration:generate -- <VerbNoun>, e.g. CreateResults');
    return 2;
  }
  if (!['generate', 'run', 'revert', 'show'].includes(command ?? '')) {
    console.error('Usage: migration-cli generate <VerbNoun> | run | revert | show');
    return 2;
  }
  const config = loadConfig();
  const server = await startDatabaseServer(config, { info: console.log, debug: () => undefined });
  const dataSource = new DataSource({ ...dataSourceOptions(server.url), logging: ['error', 'migration'] });
  try {
    await dataSource.initialize();
    switch (command) {
      case 'run': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
        return 0;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        return 0;
      case 'show': {
        const pending = await dataSource.showMigrations();
        console.log(pending ? 'There are pending migrations.' : 'The database is up to date.');
        return pending ? 1 : 0;
      }
      default:
        return await generate(dataSource, name!);
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await server.stop();
  }
}

async function generate(dataSource: DataSource, name: string): Promise<number> {
  if (await dataSource.showMigrations()) {
    console.error(
      'Run the pending migrations first (npm run migration:run): a migration is generated against an up-to-date schema.',
    );
    return 1;
  }
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('The entities match the schema: nothing to generate.');
    return 1;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const statement = (query: { query: string; parameters?: unknown[] }): string =>
    `    await queryRunner.query(\`${query.query.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\`${
      query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ''
    });`;
  const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(statement).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(statement).join('\n')}
  }
}
`;
  const filePath = path.join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
  await fs.writeFile(filePath, file);
  await writeIndex();
  await formatFiles([filePath, path.join(MIGRATIONS_DIR, 'index.ts')]);
  console.log(`Wrote ${path.relative(REPO_ROOT, filePath)}. Read it, then rebuild and run it.`);
  return 0;
}

/** Generated code follows the repository's formatting (prettier is a development dependency). */
async function formatFiles(files: string[]): Promise<void> {
  const prettier = await import('prettier').catch(() => undefined);
  if (!prettier) return;
  for (const file of files) {
    const options = await prettier.resolveConfig(file);
    await fs.writeFile(file, await prettier.format(await fs.readFile(file, 'utf8'), { ...options, filepath: file }));
  }
}

/** The index lists every migration file in order, so the app and tests load them without globbing. */
async function writeIndex(): Promise<void> {
  const migrations = readdirSync(MIGRATIONS_DIR)
    .map((file) => MIGRATION_FILE.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => a[1]!.localeCompare(b[1]!));
  const imports = migrations.map(
    ([file, ts, verb]) => `import { ${verb}${ts} } from './${file.replace(/\.ts$/, '.js')}';`,
  );
  const names = migrations.map(([, ts, verb]) => `  ${verb}${ts},`);
  await fs.writeFile(
    path.join(MIGRATIONS_DIR, 'index.ts'),
    `// Every migration, oldest first. \`npm run migration:generate -- <VerbNoun>\` rewrites this list.
import type { MigrationInterface } from 'typeorm';
${imports.join('\n')}

export const MIGRATIONS: (new () => MigrationInterface)[] = [
${names.join('\n')}
];
`,
  );
}

process.exitCode = await main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
