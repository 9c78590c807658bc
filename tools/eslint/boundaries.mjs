/**
 * The house's import graph as one ESLint rule (docs/architecture.md, "The layers"). Every import is
 * resolved to a file first, whatever its form (`@/lib/...`, `../`, `./`), and checked by where it
 * lands, so a new folder or another way of writing a path cannot slip past:
 * - gateway: the raw query API of lib/influx (FluxRow, queryRows, the InfluxQL stream, query text in
 *   lib/influx/queries/) stays inside lib/influx; the rest of the code calls typed operations;
 * - influx-domain: lib/influx imports only itself, lib/model and the shared top-level lib/*.ts files;
 * - use-case: a use case never imports another use case (only lib/use-cases/shared/ and the hub, context.ts);
 * - model: lib/model imports nothing outside lib/model (npm packages the browser can load aside);
 * - client: a `'use client'` file never reaches a server module, directly or through what it imports
 *   at run time (type-only imports are erased and checked directly only);
 * - client-lib: browser code (a `'use client'` file or lib/client/) imports from lib/ only lib/model (types and
 *   pure rules), lib/client and lib/actions: never the domain, use cases, the gateway or a top-level lib/*.ts,
 *   not even a type or a pure function (those live in lib/model, where the server imports them too);
 * - one-verb: a use-case file (lib/use-cases/*.ts, the hub aside) exports one function, its verb (types,
 *   schemas and constants may stand beside it); helpers several verbs need go to lib/use-cases/shared/.
 * Files the rule must leave alone for now are listed with a reason in eslint.config.mjs (`allow`).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** Names that are the gateway's raw plumbing, not its answers. */
const GATEWAY_NAMES = new Set(['FluxRow', 'queryRows', 'streamInfluxql', 'InfluxqlRows']);
/** Modules only the server may load. */
const SERVER_PATHS = [
  /^lib\/influx\//,
  /^lib\/use-cases\//,
  /^lib\/db\.ts$/,
  /^lib\/config\.ts$/,
  /^lib\/audit\//,
  /^lib\/startup\.ts$/,
  /^lib\/data-dir\.ts$/,
  /^lib\/log\.ts$/,
];
/** The only parts of lib/ browser code imports: types and pure rules, its own hooks, server actions by reference. */
const BROWSER_LIB = /^lib\/(model|client|actions)\//;
const SERVER_PACKAGES = [
  /^server-only$/,
  /^node:/,
  /^better-sqlite3$/,
  /^@influxdata\//,
  /^(fs|path|os|crypto|child_process|net|http|https|stream|zlib)(\/|$)/,
];

const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');

/** The file an import names, relative to the repository, or null for a package. */
export function resolveImport(fromFile, spec) {
  let base;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return rel(candidate);
  }
  return rel(base);
}

const sources = new Map();
function source(file) {
  if (!sources.has(file)) {
    let text = '';
    try {
      text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    } catch {
      // An unresolved import: TypeScript reports it; here it has no imports of its own.
    }
    sources.set(file, text);
  }
  return sources.get(file);
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The run-time (not type-only) imports of a file, as written. */
function runtimeImports(file) {
  const out = [];
  for (const m of source(file).matchAll(IMPORT)) if (!m[1]) out.push(m[2] ?? m[3]);
  return out;
}

const isServerFile = (file) => SERVER_PATHS.some((re) => re.test(file)) || /^\s*import\s+['"]server-only['"]/m.test(source(file));
const isServerPackage = (spec) => SERVER_PACKAGES.some((re) => re.test(spec));

/** The chain from `file` to a server module through run-time imports, or null. */
function serverChain(file, seen = new Set()) {
  if (seen.has(file)) return null;
  seen.add(file);
  if (isServerFile(file)) return [file];
  if (/^lib\/actions\//.test(file)) return null; // 'use server' actions: the client calls them by reference
  for (const spec of runtimeImports(file)) {
    if (isServerPackage(spec)) return [file, spec];
    const next = resolveImport(path.join(ROOT, file), spec);
    const chain = next && serverChain(next, seen);
    if (chain) return [file, ...chain];
  }
  return null;
}

const MODEL_OK_PACKAGES = /^(zod)(\/|$)/;

function check(from, to, spec, names, typeOnly, isClient, typeNames = []) {
  const problems = [];
  const inInflux = (f) => f.startsWith('lib/influx/');
  if (!inInflux(from) && to && inInflux(to) && (to.startsWith('lib/influx/queries/') || names.some((n) => GATEWAY_NAMES.has(n)))) {
    problems.push([
      'gateway',
      `${names.filter((n) => GATEWAY_NAMES.has(n)).join(', ') || to} is the gateway's raw plumbing: add a typed operation to lib/influx that answers in domain types, and call it.`,
    ]);
  }
  if (inInflux(from)) {
    const allowed = !to || inInflux(to) || to.startsWith('lib/model/') || /^lib\/[^/]+\.ts$/.test(to);
    if (!allowed)
      problems.push([
        'influx-domain',
        `lib/influx imports ${to}: the gateway imports nothing from the domain, use cases or adapters; move the shared type or pure rule to lib/model.`,
      ]);
  }
  if (
    from.startsWith('lib/use-cases/') &&
    !from.startsWith('lib/use-cases/shared/') &&
    to &&
    to.startsWith('lib/use-cases/') &&
    !to.startsWith('lib/use-cases/shared/') &&
    to !== 'lib/use-cases/context.ts'
  ) {
    problems.push(['use-case', `a use case imports another (${to}): move what both need to lib/use-cases/shared/ or the domain.`]);
  }
  if (from.startsWith('lib/model/')) {
    const outside = to ? !to.startsWith('lib/model/') : !MODEL_OK_PACKAGES.test(spec);
    if (outside) problems.push(['model', `lib/model imports ${to ?? spec}: it holds plain types and pure rules and imports nothing outside lib/model.`]);
  }
  if (isClient) {
    if (!to && isServerPackage(spec)) problems.push(['client', `a client component imports ${spec}, a server package.`]);
    if (to && (!/^lib\/actions\//.test(to) || typeOnly)) {
      const chain = typeOnly ? (isServerFile(to) ? [to] : null) : serverChain(to);
      if (chain) problems.push(['client', `a client component reaches a server module: ${chain.join(' → ')}. Browser types belong in lib/model.`]);
    }
  }
  if ((isClient || from.startsWith('lib/client/')) && to && to.startsWith('lib/') && !BROWSER_LIB.test(to)) {
    const what = typeNames.length > 0 && typeOnly ? `the type${typeNames.length > 1 ? 's' : ''} ${typeNames.join(', ')}` : names.join(', ') || 'a module';
    problems.push([
      'client-lib',
      `browser code takes ${what} from ${to}: it imports only lib/model (types and pure rules), lib/client and lib/actions; move what it needs to lib/model and import it from there (server code imports it from there too).`,
    ]);
  }
  return problems;
}

const FUNCTION_NODES = new Set(['FunctionDeclaration', 'ArrowFunctionExpression', 'FunctionExpression']);

/** The functions a module exports at run time, by name: declarations, `const f = () => …`, and `export { f }` of a local function. */
function exportedFunctions(body) {
  const local = new Map();
  for (const n of body) {
    const decl = n.type === 'ExportNamedDeclaration' || n.type === 'ExportDefaultDeclaration' ? n.declaration : n;
    if (decl?.type === 'FunctionDeclaration' && decl.id) local.set(decl.id.name, true);
    if (decl?.type === 'VariableDeclaration')
      for (const d of decl.declarations) if (d.id.type === 'Identifier') local.set(d.id.name, FUNCTION_NODES.has(d.init?.type));
  }
  const names = [];
  for (const n of body) {
    if (n.type === 'ExportDefaultDeclaration') {
      const d = n.declaration;
      if (FUNCTION_NODES.has(d.type) || (d.type === 'Identifier' && local.get(d.name))) names.push('default');
    }
    if (n.type !== 'ExportNamedDeclaration' || n.exportKind === 'type') continue;
    const d = n.declaration;
    if (d?.type === 'FunctionDeclaration') names.push(d.id.name);
    if (d?.type === 'VariableDeclaration') for (const v of d.declarations) if (FUNCTION_NODES.has(v.init?.type)) names.push(v.id.name);
    for (const sp of n.specifiers ?? []) {
      if (sp.exportKind === 'type') continue;
      // A re-export from another module may be anything: count it as a verb, it is a second door either way.
      if (n.source || local.get(sp.local.name) !== false) names.push(sp.exported.name);
    }
  }
  return names;
}

const isUseCaseFile = (file) => /^lib\/use-cases\/[^/]+\.tsx?$/.test(file) && file !== 'lib/use-cases/context.ts';

const rule = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const from = rel(context.filename);
    if (/\.test\.tsx?$/.test(from) || /^(tests|e2e|scripts)\//.test(from)) return {};
    const allowed = new Set((context.options[0]?.allow ?? {})[from] ?? []);
    const body = context.sourceCode.ast.body;
    const isClient = body.some((n) => n.type === 'ExpressionStatement' && n.directive === 'use client');
    const visit = (node, spec, names, typeOnly, typeNames = []) => {
      const to = resolveImport(context.filename, spec);
      for (const [kind, message] of check(from, to, spec, names, typeOnly, isClient, typeNames))
        if (!allowed.has(kind)) context.report({ node, message: `[${kind}] ${message}` });
    };
    const namesOf = (node) => (node.specifiers ?? []).map((s) => (s.imported ?? s.local)?.name ?? s.local?.name).filter(Boolean);
    const typeOnlyOf = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      ((node.specifiers ?? []).length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    /** The names imported as types: all of a type-only import, or the `type X` specifiers of a mixed one. */
    const typeNamesOf = (node) => {
      const specifiers = node.specifiers ?? [];
      const whole = node.importKind === 'type' || node.exportKind === 'type';
      return specifiers
        .filter((s) => whole || s.importKind === 'type' || s.exportKind === 'type')
        .map((s) => (s.imported ?? s.local)?.name ?? s.local?.name)
        .filter(Boolean);
    };
    const oneVerb = () => {
      if (!isUseCaseFile(from) || allowed.has('one-verb')) return;
      const verbs = exportedFunctions(body);
      if (verbs.length > 1)
        context.report({
          node: context.sourceCode.ast,
          message: `[one-verb] a use-case file exports ${verbs.length} functions (${verbs.join(', ')}): one verb per file, named after it; move the others to their own files and what they share to lib/use-cases/shared/.`,
        });
    };
    return {
      'Program:exit': oneVerb,
      ImportDeclaration: (node) => visit(node, node.source.value, namesOf(node), typeOnlyOf(node), typeNamesOf(node)),
      ExportNamedDeclaration: (node) => node.source && visit(node, node.source.value, namesOf(node), typeOnlyOf(node), typeNamesOf(node)),
      ExportAllDeclaration: (node) => visit(node, node.source.value, [], node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && typeof node.source.value === 'string' && visit(node, node.source.value, [], false),
    };
  },
};

const plugin = { rules: { boundaries: rule } };
export default plugin;
