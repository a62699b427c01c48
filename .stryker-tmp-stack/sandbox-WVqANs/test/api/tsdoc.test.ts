// @ts-nocheck
// Every public export carries a TSDoc comment with an @example (the brief's bar for the public API).
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('public API documentation', () => {
  it('every export of src/index.ts has TSDoc with an @example', () => {
    const program = ts.createProgram([join(root, 'src', 'index.ts')], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      resolveJsonModule: true,
      skipLibCheck: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const sf = program.getSourceFile(join(root, 'src', 'index.ts'))!;
    const mod = checker.getSymbolAtLocation(sf)!;
    const exports = checker.getExportsOfModule(mod);
    expect(exports.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const sym of exports) {
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      const decls = target.getDeclarations() ?? [];
      const documented = decls.some((d) => {
        const tags = ts.getJSDocTags(d);
        if (tags.some((t) => t.tagName.text === 'example')) return true;
        // overloads and variable statements: look at the whole declaration's JSDoc nodes
        const host = ts.isVariableDeclaration(d) ? d.parent.parent : d;
        return ts.getJSDocCommentsAndTags(host).some((j) => ts.isJSDoc(j) && (j.tags ?? []).some((t) => t.tagName.text === 'example'));
      });
      if (!documented) missing.push(`${sym.getName()} (${decls[0]?.getSourceFile().fileName.replace(root + '/', '') ?? '?'})`);
    }
    expect(missing).toEqual([]);
  }, 120_000);
});
