/**
 * The loader under a strict policy: `style-src 'self'` (no inline styles) and Trusted Types
 * enforced for scripts. Each check first proves the policy is live (an inline <style> is
 * ignored, an innerHTML string throws), then that the loader's own work still happens.
 */
import { expect } from '@open-wc/testing';
import { startLoader } from '../../packages/widgets/src/loader/loader.js';
import { reserveLayout } from '../../packages/widgets/src/loader/reserve-styles.js';

const policy = document.createElement('meta');
policy.httpEquiv = 'Content-Security-Policy';
policy.content = "style-src 'self'; require-trusted-types-for 'script'";
document.head.append(policy);

describe('rai-kit loader under a strict CSP with Trusted Types', () => {
  it('reserves layout through a constructable stylesheet where inline styles are blocked', () => {
    const inline = document.createElement('style');
    inline.textContent = 'rai-xp-tier { min-height: 77px }';
    document.head.append(inline);
    const el = document.createElement('rai-xp-tier');
    document.body.append(el);
    expect(getComputedStyle(el).minHeight).to.equal('0px'); // the inline <style> was refused

    reserveLayout(document);
    expect(getComputedStyle(el).minHeight).to.equal('637.968px'); // --rai-xp-tier-reserve's default
  });

  it('shows the failure notice without HTML strings (Trusted Types would refuse them)', async () => {
    const probe = document.createElement('div');
    expect(() => (probe.innerHTML = '<b>x</b>')).to.throw(TypeError);

    const el = document.createElement('rai-store');
    document.body.append(el);
    const loader = startLoader(document, { base: new URL('/no-such-folder/', location.href) });
    expect((await loader.ready).failed).to.include('rai-store');
    expect(el.querySelector('[role=alert] button')!.textContent).to.equal('Try again');
    loader.stop();
  });
});
