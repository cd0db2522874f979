/**
 * `npm run analyze -w @rai-kit/widgets` writes custom-elements.json from the elements' JSDoc
 * (@summary, @fires, @csspart, @cssprop, @slot) and their Lit `static properties`, with
 * the members inherited from RaiWidget and RaiElement.
 *
 * The analyzer knows `customElements.define('tag', Class)`; rai-kit registers through
 * RaiElement's guarded `Class.define('tag')` in the `define/` modules, so `defineCalls` below
 * teaches it that form: the tag names come from the one place that registers them.
 */
const WIDGET_EVENT_MAP = 'RaiEventMap';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest ("customElements"); leave the file alone.
  packagejson: false,
  plugins: [defineCalls(), eventTypes(), elementsOnly(), publicApiOnly()],
};

/** `RaiX.define('rai-x')` → a `custom-element-definition` export (the analyzer then links the tag to the class). */
function defineCalls() {
  return {
    name: 'rai-kit: Class.define(tag)',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const { expression: target, name } = node.expression;
      // One argument: `customElements.define(tag, Class)` is the analyzer's own business.
      const [tag, ...rest] = node.arguments;
      if (name.text !== 'define' || !ts.isIdentifier(target) || !tag || !ts.isStringLiteral(tag) || rest.length > 0) return;
      const className = target.text;
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: className, module: importedFrom(ts, node.getSourceFile(), className) ?? moduleDoc.path },
      });
    },
  };
}

/** The manifest path (`src/x/y.ts`) of the module `sourceFile` imports `name` from, if it does. */
function importedFrom(ts, sourceFile, name) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((e) => e.name.text === name)) continue;
    const url = new URL(statement.moduleSpecifier.text, `file:///${sourceFile.fileName}`);
    return url.pathname.slice(1).replace(/\.js$/, '.ts');
  }
  return undefined;
}

/**
 * Each event's detail type from `RaiEventMap` (base/events.ts and the modules that extend it):
 * the map the typed `emit()` already checks against, so the manifest's types cannot drift
 * from the code the way a second copy in every `@fires` tag could.
 */
function eventTypes() {
  const types = new Map();
  return {
    name: 'rai-kit: event types from RaiEventMap',
    collectPhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== WIDGET_EVENT_MAP) return;
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type && ts.isStringLiteral(member.name)) {
          types.set(member.name.text, member.type.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
        for (const event of declaration.events ?? []) {
          const type = types.get(event.name);
          if (type && !event.type) event.type = { text: type };
        }
      }
    },
  };
}

/**
 * Keeps the modules a user of the elements needs: the defined elements, the base classes they
 * inherit from and the `define/` modules. Controllers, styles and messages are implementation
 * (and would make every CSS tweak a manifest change). Also drops the definition the analyzer
 * reads into RaiElement's own `customElements.define(tag, this)`, which names no class.
 */
function elementsOnly() {
  return {
    name: 'rai-kit: elements only',
    packageLinkPhase({ customElementsManifest }) {
      const { modules } = customElementsManifest;
      const classes = new Map(modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class').map((d) => [d.name, { module: m, declaration: d }])));
      const keep = new Set();
      for (const module of modules) {
        module.exports = (module.exports ?? []).filter((e) => e.kind !== 'custom-element-definition' || classes.has(e.declaration.name));
        if (module.exports.some((e) => e.kind === 'custom-element-definition')) keep.add(module);
      }
      for (const { module, declaration } of classes.values()) {
        if (!declaration.tagName) continue;
        // The element's module and those of its superclasses, whose members it inherits.
        for (let entry = { module, declaration }; entry; entry = classes.get(entry.declaration.superclass?.name)) {
          keep.add(entry.module);
          // The analyzer writes a TypeScript superclass's module as its import (`/src/x.js`): point at the source.
          const superclass = entry.declaration.superclass;
          if (superclass?.module) superclass.module = classes.get(superclass.name)?.module.path ?? superclass.module;
        }
      }
      customElementsManifest.modules = modules.filter((m) => keep.has(m));
    },
  };
}

/**
 * Keeps the public API: private and protected members (and `#private` ones) are
 * implementation, and their initialisers (whole tasks and controllers) only bloat the file.
 */
function publicApiOnly() {
  const isPublic = (member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');
  return {
    name: 'rai-kit: public API only',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
        if (declaration.members) declaration.members = declaration.members.filter(isPublic);
      }
    },
  };
}
