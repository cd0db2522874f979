/**
 * A throwaway project outside the workspace that has @rai-kit/core and @rai-kit/widgets
 * installed from the tarballs `npm pack` makes, the way a user gets them from the registry.
 *
 * Installing without the network: `npm install --offline` of the tarballs does not work on a
 * fresh CI clone, because npm must resolve lit's semver ranges from registry metadata that
 * `npm ci` never fetches (it installs from the lockfile's URLs). So this does what npm's
 * install would leave on disk: each tarball extracted into node_modules/<name>/, and every
 * third-party dependency the packed manifests declare (lit, dompurify) linked to
 * the copy `npm ci` installed in the repo. Only declared dependencies are linked, so one
 * missing from a manifest fails to resolve here as it would for a user.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The packages a user installs from npm, and their folders in the workspace. */
export const PACKAGES = { '@rai-kit/core': 'packages/core', '@rai-kit/widgets': 'packages/widgets' } as const;
export type PackageName = keyof typeof PACKAGES;
/** What a user of the widgets adds to their own project beside them. */
const OWN_DEPENDENCIES = ['lit'];

/** The parts of a packed package.json the tests read. */
export interface Manifest {
  dependencies?: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  sideEffects?: boolean | string[];
}

export interface PackedPackage {
  manifest: Manifest;
  /** Every path inside the tarball, relative to the package root (`dist/index.js`). */
  files: string[];
  /** Where it is installed in the consumer. */
  dir: string;
}

export interface Consumer {
  dir: string;
  packages: Record<PackageName, PackedPackage>;
  remove(): Promise<void>;
}

/** Runs a command; on failure the error carries its output, so the test says why. */
async function exec(command: string, args: string[], cwd: string): Promise<string> {
  try {
    return (await run(command, args, { cwd, maxBuffer: 32 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

async function linkDependency(consumerModules: string, name: string): Promise<void> {
  const link = join(consumerModules, name);
  await mkdir(dirname(link), { recursive: true });
  // The real path, so Node, esbuild and tsc find the dependency's own dependencies beside it.
  await symlink(await realpath(join(REPO, 'node_modules', name)), link, 'dir');
}

/**
 * `npm run build`, `npm pack` of both packages, then the consumer project in a temporary
 * folder with `dependencies` on them and on lit (what a user of the widgets adds).
 */
export async function createConsumer(): Promise<Consumer> {
  const root = await mkdtemp(join(tmpdir(), 'rai-kit-package-'));
  try {
    // What the packages' `prepack` runs on publish, once for both (so `pack` skips the scripts).
    await exec('npm', ['run', '--silent', 'build'], REPO);
    const tarballs = join(root, 'tarballs');
    await mkdir(tarballs);
    const names = Object.keys(PACKAGES) as PackageName[];
    const packed = JSON.parse(
      await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tarballs, ...names.flatMap((name) => ['-w', name])], REPO),
    ) as Array<{ name: PackageName; filename: string; files: Array<{ path: string }> }>;

    const dir = join(root, 'consumer');
    const modules = join(dir, 'node_modules');
    const packages = {} as Record<PackageName, PackedPackage>;
    for (const { name, filename, files } of packed) {
      const installed = join(modules, name);
      await mkdir(installed, { recursive: true });
      // npm's tarballs hold one top folder, `package/`.
      await exec('tar', ['-xzf', join(tarballs, filename), '-C', installed, '--strip-components=1'], root);
      const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as Manifest;
      packages[name] = { manifest, files: files.map((file) => file.path), dir: installed };
    }
    const thirdParty = new Set(
      [...OWN_DEPENDENCIES, ...Object.values(packages).flatMap((pkg) => Object.keys(pkg.manifest.dependencies ?? {}))].filter(
        (name) => !(name in PACKAGES),
      ),
    );
    for (const name of thirdParty) await linkDependency(modules, name);
    // The manifest a user's project would have (nothing here resolves through it).
    const dependencies = Object.fromEntries([
      ...packed.map(({ name, filename }) => [name, `file:${join(tarballs, filename)}`]),
      ...OWN_DEPENDENCIES.map((name) => [name, packages['@rai-kit/widgets'].manifest.dependencies?.[name] ?? '*']),
    ]);
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'rai-kit-consumer', private: true, type: 'module', dependencies }, null, 2),
    );
    return { dir, packages, remove: () => rm(root, { recursive: true, force: true }) };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/** Every non-test TypeScript module under a workspace package's src/, relative to src/ without `.ts`. */
export async function sourceModules(name: PackageName): Promise<string[]> {
  const src = join(REPO, PACKAGES[name], 'src');
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name).slice(src.length + 1, -'.ts'.length))
    .sort();
}
