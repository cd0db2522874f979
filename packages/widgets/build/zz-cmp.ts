import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { typescript, minifyWithLegalFiles } from './rollup-plugins.js';
const src = (p: string) => `/work/main/packages/widgets/src/${p}`;
for (const w of ['xp-tier', 'leaderboard', 'chat-channel', 'store']) {
  const e = await build({ entryPoints: [src(`define/${w}.ts`)], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, conditions: ['rai-kit-source'], tsconfig: '/work/main/tsconfig.json', legalComments: 'external', splitting: true, outdir: '/tmp/x' });
  const ecode = e.outputFiles.find((f) => f.path.endsWith(`${w}.js`))!.contents;
  const res: number[] = [];
  for (const treeshake of [true, 'smallest'] as const) {
    const b = await rollup({ input: src(`define/${w}.ts`), treeshake, plugins: [typescript('/work/main/tsconfig.json'), nodeResolve({ exportConditions: ['rai-kit-source'], browser: true })] });
    const { output } = await b.generate({ format: 'es', plugins: [minifyWithLegalFiles()] });
    res.push(gzipSync(output[0].code, { level: 9 }).length);
  }
  console.log(w, 'esbuild', gzipSync(ecode, { level: 9 }).length, 'rollup', res[0], 'smallest', res[1]);
}
