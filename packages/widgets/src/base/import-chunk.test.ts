import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { importChunk } from './import-chunk.js';
import { until } from '../../../../test/support/sandbox.js';

// importChunk as the CDN build calls it (build/retryable-imports.ts), on a real module served by
// the test runner, with the network really gone (DevTools offline) for the failed attempt.

interface Fixture {
  url: string;
}
const load = (specifier: string) => importChunk<Fixture>((url) => import(url(specifier)), import.meta.url);
/** The fixture's requests the browser made (each a resource timing entry), in order. */
const requested = (name: string) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.includes(name));

describe('importChunk', () => {
  it('after a failed import, fetches the chunk again as ?retry=1; later calls reuse that module', async () => {
    await executeServerCommand('go-offline', { afterMs: 0, forMs: 1_000 });
    await until(() => !navigator.onLine, 'offline');
    const failed = await load('./import-chunk.fixture.js').catch((error: unknown) => error);
    expect(failed).to.be.instanceOf(TypeError);

    await until(() => navigator.onLine, 'back online');
    const loaded = await load('./import-chunk.fixture.js');
    expect(new URL(loaded.url).search).to.equal('?retry=1');

    const again = await load('./import-chunk.fixture.js');
    expect(again, 'the same module instance').to.equal(loaded);
    expect(requested('import-chunk.fixture.js?retry'), 'one request for the retry, none for the third call').to.deep.equal([loaded.url]);

    // Failures count per URL: another chunk (here the same file under another URL) is not retried.
    const other = await load('./import-chunk.fixture.js?other');
    expect(new URL(other.url).search).to.equal('?other');
  });
});
