/**
 * Renders one element's reference from custom-elements.json: summary, attributes, properties,
 * methods, events, CSS parts, custom properties and slots, as captioned tables. Plain DOM with
 * `textContent` only, so nothing in the manifest can inject markup.
 */

/** The part of the custom elements manifest schema the docs read. */
export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}
interface Documented {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  inheritedFrom?: { name: string };
}
interface Member extends Documented {
  kind: 'field' | 'method';
  privacy?: string;
  static?: boolean;
  attribute?: string;
  parameters?: { name: string; optional?: boolean; type?: { text: string } }[];
}
export interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: (Documented & { fieldName?: string })[];
  members?: Member[];
  events?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
  slots?: Documented[];
}

/** A live example: the attributes to put on the element. */
export type Example = Record<string, string>;

/** The declarations that define a tag, in tag order. */
export function elementsOf(manifest: Manifest): (Declaration & { tagName: string })[] {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((d): d is Declaration & { tagName: string } => Boolean(d.tagName))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Creates an element with text or child nodes. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** JSDoc prose to nodes: `backticks` become <code>, line breaks inside a paragraph become spaces. */
function prose(text = ''): (Node | string)[] {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .split(/`([^`]+)`/)
    .map((piece, index) => (index % 2 ? h('code', {}, piece) : piece));
}

const code = (text: string | undefined) => (text ? h('code', {}, text) : '');
const inherited = (doc: Documented) => (doc.inheritedFrom ? h('span', { class: 'inherited' }, ` (from ${doc.inheritedFrom.name})`) : '');

/** A table with a caption and column headers, or a sentence saying there is nothing. */
function table(caption: string, headers: string[], rows: (Node | string)[][][], none: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'none' }, none);
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, ...rows.map(([first = [], ...rest]) => h('tr', {}, h('th', { scope: 'row' }, ...first), ...rest.map((cell) => h('td', {}, ...cell))))),
  );
}

/** `<tag a="b"></tag>`: the markup of an example as a partner would write it, one attribute a line past two. */
export function exampleMarkup(tag: string, example: Example): string {
  const attributes = Object.entries(example).map(([name, value]) => `${name}="${value.replaceAll('"', '&quot;')}"`);
  const separator = attributes.length > 2 ? '\n  ' : ' ';
  return `<${tag}${attributes.map((attribute) => separator + attribute).join('')}></${tag}>`;
}

/**
 * The reference section of one element, with a live example when `example` is given (the
 * element itself, so it must be defined for it to come alive), else `noExample` as text.
 */
export function renderElementDocs(element: Declaration & { tagName: string }, example?: Example, noExample = ''): HTMLElement {
  const { tagName: tag } = element;
  const headingId = `${tag}-title`;
  const members = (element.members ?? []).filter((m) => !m.static && (m.privacy ?? 'public') === 'public');
  const properties = members.filter((m) => m.kind === 'field' && !m.attribute);
  const methods = members.filter((m) => m.kind === 'method');
  const signature = (m: Member) => `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ')})`;

  const section = h(
    'section',
    { id: tag, 'aria-labelledby': headingId, class: 'element-docs' },
    h('h2', { id: headingId }, h('code', {}, `<${tag}>`)),
    h('p', { class: 'summary' }, ...prose(element.summary)),
    ...(element.description ?? '').split(/\n\s*\n/).filter(Boolean).map((paragraph) => h('p', {}, ...prose(paragraph))),
    table(
      'Attributes',
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      (element.attributes ?? []).map((a) => [[code(a.name)], [code(a.fieldName)], [code(a.type?.text)], [code(a.default)], [...prose(a.description), inherited(a)]]),
      'No attributes.',
    ),
    table(
      'Properties (JavaScript only)',
      ['Property', 'Type', 'Default', 'Description'],
      properties.map((p) => [[code(p.name)], [code(p.type?.text)], [code(p.default)], [...prose(p.description), inherited(p)]]),
      'No properties beyond the attributes.',
    ),
    table('Methods', ['Method', 'Description'], methods.map((m) => [[code(signature(m))], [...prose(m.description), inherited(m)]]), 'No methods.'),
    table('Events', ['Event', 'Type', 'Description'], (element.events ?? []).map((e) => [[code(e.name)], [code(e.type?.text)], prose(e.description)]), 'No events.'),
    table('CSS parts', ['Part', 'Description'], (element.cssParts ?? []).map((p) => [[code(p.name)], prose(p.description)]), 'No CSS parts.'),
    table('CSS custom properties', ['Property', 'Description'], (element.cssProperties ?? []).map((p) => [[code(p.name)], prose(p.description)]), 'No custom properties.'),
    table('Slots', ['Slot', 'Description'], (element.slots ?? []).map((s) => [[s.name ? code(s.name) : '(default)'], prose(s.description)]), 'No slots.'),
  );

  // A plain block, not a region: every element has one, and landmarks must be told apart.
  const exampleSection = h('div', { class: 'example' }, h('h3', {}, 'Live example'));
  if (example) {
    const live = document.createElement(tag);
    for (const [name, value] of Object.entries(example)) live.setAttribute(name, value);
    // Focusable: on a narrow screen the markup scrolls sideways, and keyboard users must reach it.
    exampleSection.append(h('pre', { tabindex: '0' }, h('code', {}, exampleMarkup(tag, example))), live);
  } else {
    exampleSection.append(h('p', {}, ...prose(noExample)));
  }
  section.append(exampleSection);
  return section;
}
