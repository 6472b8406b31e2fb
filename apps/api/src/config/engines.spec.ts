import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './app.config.js';

// The Node.js versions Yardstick says it needs must be ones every installed dependency supports (the engines
// in package-lock.json), and the README, the Dockerfile and CI must say the same.
type Semver = {
  subset(sub: string, dom: string): boolean;
  minVersion(range: string): { major: number; minor: number } | null;
  intersects(a: string, b: string): boolean;
};
const semver = createRequire(import.meta.url)('semver') as Semver;

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const root = JSON.parse(read('package.json')) as { engines: { node: string } };
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } | string[] }>;
};
const required = root.engines.node;

describe('the Node.js requirement', () => {
  it('is one every locked dependency supports', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && !entry.optional && entry.engines && !Array.isArray(entry.engines))
      .map(
        ([name, entry]) =>
          [name.replace(/^.*node_modules\//, ''), entry.version, (entry.engines as { node?: string }).node] as const,
      )
      .filter(([, , node]) => node !== undefined && !semver.subset(required, node))
      .map(([name, version, node]) => `${name}@${version} needs node ${node}`);
    expect(refusing).toEqual([]);
  });

  it('is what the README, the Dockerfile and CI say', () => {
    const min = semver.minVersion(required)!;
    expect(read('README.md')).toContain(`Node.js ${min.major}.${min.minor} or later`);
    const images = [...read('Dockerfile').matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(images.length).toBeGreaterThan(0);
    for (const major of images) expect(semver.intersects(required, `${major}.x`)).toBe(true);
    expect(read('.ci/run')).toContain('engines.node');
    expect(lock.packages['']!.engines).toEqual(root.engines);
  });
});
