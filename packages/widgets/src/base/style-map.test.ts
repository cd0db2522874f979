import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleMap, type StyleProperties } from './style-map.js';

// A strict policy, as a careful partner page sets it: no inline styles at all.
const policy = document.createElement('meta');
policy.httpEquiv = 'Content-Security-Policy';
policy.content = "style-src 'self'";
document.head.append(policy);

/** Renders a bar styled by `properties` into a fresh container, or again into `into`. */
function bar(properties: StyleProperties, into = document.body.appendChild(document.createElement('div'))) {
  render(html`<span style=${styleMap(properties)}></span>`, into);
  return { into, span: into.firstElementChild as HTMLElement };
}

describe('styleMap (the kit’s, through the CSSOM)', () => {
  it('applies its properties from the first render on, where a style attribute is refused', () => {
    const refused = document.body.appendChild(document.createElement('span'));
    refused.setAttribute('style', 'display: block; inline-size: 35px');
    expect(getComputedStyle(refused).display).to.equal('inline'); // the policy is live

    const { span } = bar({ display: 'block', inlineSize: '40px', '--tier-color': 'rgb(1, 2, 3)' });
    const style = getComputedStyle(span);
    expect(style.inlineSize).to.equal('40px');
    expect(style.getPropertyValue('--tier-color')).to.equal('rgb(1, 2, 3)');
  });

  it('updates changed properties and removes unset or dropped ones', () => {
    const { into, span } = bar({ display: 'block', 'inline-size': '40px', '--a': '1', '--b': '2' });
    bar({ display: 'block', 'inline-size': '50px', '--a': undefined }, into);
    expect(span.style.inlineSize).to.equal('50px');
    expect(span.style.getPropertyValue('--a')).to.equal('');
    expect(span.style.getPropertyValue('--b')).to.equal('');
    bar({ display: 'block' }, into);
    expect(span.style.inlineSize).to.equal('');
    expect(span.style.display).to.equal('block');
  });

  it('sets one property per entry: a value cannot add declarations of its own', () => {
    const { span } = bar({ display: 'block', '--tier-color': 'red; inline-size: 99px', inlineSize: '5px; color: red' });
    expect(span.style.inlineSize).to.equal('');
    expect(span.style.color).to.equal('');
    expect(span.style.getPropertyValue('--tier-color')).to.equal('');
  });

  it('says where it belongs when bound anywhere but a style attribute', () => {
    const container = document.createElement('div');
    expect(() => render(html`<span title=${styleMap({})}></span>`, container)).to.throw(/style attribute/);
    expect(() => render(html`<span style="color: red; ${styleMap({})}"></span>`, container)).to.throw(/style attribute/);
  });
});
