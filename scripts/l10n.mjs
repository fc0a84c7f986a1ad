// `npm run l10n`: writes l10n/bundle.l10n.json, the English strings of every `l10n.t(...)` call in
// client/src (vscode.l10n.t) and server/src (@vscode/l10n), the file translators copy to
// bundle.l10n.<locale>.json. `--check` only compares and exits 1 when the file is stale; the
// test/l10n test does the same, so a new string cannot ship untranslatable.
// Extraction uses the TypeScript parser, not a regex, so quotes and escapes are read as TypeScript reads them.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const BUNDLE = path.join(root, 'l10n', 'bundle.l10n.json');

function sources(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, found);
    else if (name.endsWith('.ts') && !name.endsWith('.generated.ts')) found.push(full);
  }
  return found;
}

/**
 * Every `l10n.t(...)` / `vscode.l10n.t(...)` call in the shipped sources: its message, the number of
 * format arguments, and where it is. A call whose message is not a string literal is an error,
 * since no tool could put it in the bundle.
 */
export function extractCalls() {
  const calls = [];
  const errors = [];
  for (const file of [...sources(path.join(root, 'client', 'src')), ...sources(path.join(root, 'server', 'src'))]) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't') {
        const target = node.expression.expression.getText(source);
        if (target === 'l10n' || target === 'vscode.l10n') {
          const where = `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
          const [first] = node.arguments;
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
            calls.push({ message: first.text, args: node.arguments.length - 1, where });
          } else {
            errors.push(`${where}: the message of ${target}.t must be a string literal`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { calls, errors };
}

/** The bundle for a list of calls: each message once, sorted, English as its own translation. */
export function bundleOf(calls) {
  const messages = [...new Set(calls.map((c) => c.message))].sort();
  return `${JSON.stringify(Object.fromEntries(messages.map((m) => [m, m])), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { calls, errors } = extractCalls();
  if (errors.length > 0) {
    console.error(errors.join('\n'));
    process.exit(1);
  }
  const bundle = bundleOf(calls);
  const current = existsSync(BUNDLE) ? readFileSync(BUNDLE, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== bundle) {
      console.error(`${path.relative(root, BUNDLE)} is stale: run npm run l10n`);
      process.exit(1);
    }
  } else if (current !== bundle) {
    mkdirSync(path.dirname(BUNDLE), { recursive: true });
    writeFileSync(BUNDLE, bundle);
  }
  console.log(`${Object.keys(JSON.parse(bundle)).length} strings from ${calls.length} l10n.t calls`);
}
