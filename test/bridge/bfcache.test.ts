/**
 * The back/forward cache: a host page (with its guest frame) left and restored from the cache
 * keeps its JavaScript state, but its bridge port was closed on `pagehide`; both sides start a
 * new session on `pageshow` and connect again, with no reload. Driven in its own tab by the
 * `bfcache-round-trip` command (web-test-runner.config.mjs): a test page cannot leave itself.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';

interface Report {
  states: string[];
  restored: boolean;
  loadId: string;
  state: string;
  guestLoad: string | null;
}

describe('bridge and the back/forward cache', () => {
  it('re-handshakes after a restore: the same host and guest documents, connected again', async () => {
    const url = new URL('/test/bridge/bfcache-host.html', location.href).href;
    const { before, after, notRestoredReasons } = await executeServerCommand<{ before: Report; after: Report; notRestoredReasons: string }, { url: string }>(
      'bfcache-round-trip',
      { url },
    );
    expect(before.state).to.equal('connected');
    expect(before.guestLoad).to.be.a('string');
    expect(after.restored, `not restored from the cache: ${notRestoredReasons}`).to.equal(true);
    // Restored, not reloaded: the same host page and the same guest document as before.
    expect(after.loadId).to.equal(before.loadId);
    expect(after.guestLoad).to.equal(before.guestLoad);
    expect(after.states).to.deep.equal(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(after.state).to.equal('connected');
  });
});
