import Foundation
import XCTest
@testable import CliffBench

/// The byte-level code analysis behind G2.D1–D4, P3 and P4: tokenizer, functions and complexity,
/// clone detection, imports and cycles, tsconfig reading.
final class CodeAnalysisTests: XCTestCase {
    private func file(_ path: String, _ text: String) -> ScannedFile {
        ScannedFile(path: path, language: Language.detect(path: path) ?? .text, bytes: Array(text.utf8), matcher: PatternMatcher(rules: []))
    }

    private func texts(_ f: ScannedFile, _ code: TokenizedCode) -> [String] {
        code.tokens.map { f.string(Int($0.offset)..<$0.end) }
    }

    private func units(_ path: String, _ text: String) -> [CodeUnit] {
        CodeAnalysis.analyze(file(path, text)).units
    }

    private func unit(_ us: [CodeUnit], _ name: String, file: StaticString = #filePath, line: UInt = #line) -> CodeUnit? {
        let u = us.first { $0.name == name }
        if u == nil { XCTFail("no unit \(name) among \(us.map(\.name))", file: file, line: line) }
        return u
    }

    // MARK: - Tokenizer

    func testTokenizerLiteralsCommentsAndOperators() {
        let f = file("src/a.ts", """
            // leading comment
            const s = "a // b" + `t ${x ?? 1} u` + /re\\/g/gi; /* block */ y?.z ??= .5e3 + 0x1F;
            a === b && c !== d || e?.[0] ... => **
            """)
        let code = CodeTokenizer.tokenize(f)
        XCTAssertEqual(texts(f, code), [
            "const", "s", "=", "\"a // b\"", "+", "`t ${", "x", "??", "1", "} u`", "+", "/re\\/g/gi", ";",
            "y", "?.", "z", "??=", ".5e3", "+", "0x1F", ";",
            "a", "===", "b", "&&", "c", "!==", "d", "||", "e", "?.", "[", "0", "]", "...", "=>", "**",
        ])
        XCTAssertEqual(code.tokens.map(\.kind)[0...4], [.keyword, .identifier, .punctuation, .string, .punctuation])
        XCTAssertEqual(code.tokens[11].kind, .string, "a regex literal is one literal token")
        XCTAssertEqual(code.tokens[17].kind, .number)
        XCTAssertEqual(code.tokens[0].line, 2)
        XCTAssertEqual(code.linesOfCode, 2)
        // Normalised forms: names → ID, literals → LIT, keywords and punctuation kept.
        XCTAssertEqual(code.tokens[1].normalised, CodeHash.identifierClass)
        XCTAssertEqual(code.tokens[3].normalised, CodeHash.literalClass)
        XCTAssertEqual(code.tokens[0].normalised, CodeHash.of("const"))
    }

    func testTokenCodesRoundTrip() {
        var hashes: Set<UInt64> = []
        for (spelling, code) in TokenCode.spellings {
            XCTAssertEqual(CodeTable.shared.code(CodeHash.of(spelling)), code, spelling)
            XCTAssertTrue(hashes.insert(CodeHash.of(spelling)).inserted, "hash collision for \(spelling)")
        }
        XCTAssertEqual(CodeTable.shared.code(CodeHash.of("useState")), .none)
        let f = file("src/a.ts", "const veryLongIdentifierName = functional;")
        let t = CodeTokenizer.tokenize(f).tokens
        XCTAssertEqual(t[1].hash, CodeHash.of("veryLongIdentifierName"), "the scanner's hash is CodeHash.of")
        XCTAssertEqual(t[3].code, .none, "`functional` is not `function`")
        XCTAssertEqual(t[0].code, .kConst)
        XCTAssertEqual(MemoryLayout<CodeToken>.stride, 24)
    }

    func testKeywordsAfterADotAreNames() {
        let f = file("src/a.js", "obj.if = x.for + y.default; if (a) {}")
        let code = CodeTokenizer.tokenize(f)
        let kinds = code.tokens.map(\.kind)
        XCTAssertEqual(kinds[2], .identifier)  // if
        XCTAssertEqual(kinds[6], .identifier)  // for
        XCTAssertEqual(kinds[10], .identifier)  // default
        XCTAssertEqual(kinds[12], .keyword)  // if
    }

    func testJSXTextIsOneLiteral() {
        let f = file("src/A.tsx", """
            const A = () => (
              <p className="x">Don't stop if you can, or else? {count} items & more</p>
            );
            const ok = a < b;
            """)
        let code = CodeTokenizer.tokenize(f)
        let t = texts(f, code)
        XCTAssertEqual(Array(t[7...20]), [
            "<", "p", "className", "=", "\"x\"", ">", "Don't stop if you can, or else?", "{", "count", "}", "items & more", "<", "/", "p",
        ])
        let text = code.tokens[13]
        XCTAssertEqual(text.kind, .string)
        XCTAssertTrue(text.flags.contains(.jsxText))
        XCTAssertTrue(code.tokens[7].flags.contains(.jsxOpen))
        XCTAssertTrue(code.tokens[8].flags.contains(.jsxName))
        // After the element, ordinary code again: `a < b` is a comparison, not JSX.
        XCTAssertEqual(Array(t.suffix(6)), ["ok", "=", "a", "<", "b", ";"])
        XCTAssertFalse(code.tokens[code.tokens.count - 3].flags.contains(.jsxOpen))
        XCTAssertEqual(code.jsxElements[7], 21, "the element ends at the `>` of </p>")
    }

    func testTSXGenericArrowIsNotJSX() {
        let f = file("src/a.tsx", "const id = <T,>(x: T) => x;\nconst y = useState<string>(\"\");")
        let code = CodeTokenizer.tokenize(f)
        XCTAssertFalse(code.tokens.contains { $0.flags.contains(.jsxOpen) })
        XCTAssertEqual(units("src/a.tsx", "const id = <T,>(x: T) => x;").map(\.name), ["id"])
    }

    func testLinesOfCode() {
        let js = CodeTokenizer.tokenize(file("src/a.js", """
            // header comment

            /* block
               comment */
            const a = 1; // trailing
            const s = `multi
            line`;

            """))
        XCTAssertEqual(js.linesOfCode, 3)
        XCTAssertTrue(js.isCode(line: 7))
        XCTAssertFalse(js.isCode(line: 3))

        let py = CodeTokenizer.tokenize(file("app/a.py", """
            \"\"\"Module doc.\"\"\"
            # comment
            x = 1

            def f():
                \"\"\"Doc
                string.\"\"\"
                return '''not a
            docstring'''
            """))
        XCTAssertEqual(py.linesOfCode, 4)
        XCTAssertEqual((1...9).filter { py.isCode(line: $0) }, [3, 5, 8, 9])
    }

    func testVueScriptBlocksOnly() {
        let a = CodeAnalysis.analyze(file("src/Cart.vue", """
            <template>
              <p v-if="a && b">If you want, or not?</p>
            </template>
            <script setup lang="ts">
            const total = (xs: number[]) => xs.length > 0 ? xs.reduce((s, x) => s + x, 0) : 0
            </script>
            """))
        XCTAssertEqual(a.linesOfCode, 1)
        XCTAssertEqual(a.units.map(\.name), ["total", "reduce callback"])
        XCTAssertEqual(a.units[0].complexity, 2)
        XCTAssertTrue(a.isUI)
    }

    // MARK: - Functions and complexity

    func testTypeScriptUnitsAndComplexity() {
        let us = units("src/lib/a.ts", """
            function a(x: number): number {
              if (x > 0 && x < 10) {
                return x ?? 0;
              } else if (x === -1) {
                for (const i of [1]) { void i; }
              }
              return x ? 1 : 2;
            }
            export const b = async (p: () => Promise<void>, { q, r }: Opts, ...rest: number[]): Promise<number[]> => {
              try { await p(); } catch (e) { q?.r(); }
              do { r--; } while (r > 0);
              switch (q) { case 1: break; case 2: break; default: break; }
              return rest.map((v) => v || 0);
            };
            class K {
              private n?: number;
              static create<T>(a: Record<string, T>, b?: string): K { return a && b ? new K() : new K(); }
              get size(): number { return this.n ?? 0; }
            }
            interface I { f(a: string): void; g: (b: number) => string }
            type F = (x: number) => number;
            """)
        XCTAssertEqual(us.map(\.name), ["a", "b", "map callback", "K.create", "K.size"])
        // a: if, &&, ??, else-if, for, ternary.
        XCTAssertEqual(us[0].complexity, 7)
        XCTAssertEqual(us[0].parameters, 1)
        XCTAssertEqual([us[0].startLine, us[0].endLine], [1, 8])
        XCTAssertEqual(us[0].linesOfCode, 8)
        XCTAssertEqual(us[0].kind, .function)
        // b: catch, do (not its while), the switch once (not per case); `?.` and the callback's `||` excluded.
        XCTAssertEqual(us[1].complexity, 4)
        XCTAssertEqual(us[1].parameters, 3)
        XCTAssertEqual([us[1].startLine, us[1].endLine], [9, 14])
        XCTAssertEqual(us[1].kind, .arrow)
        XCTAssertEqual(us[1].ownLinesOfCode, 6)
        XCTAssertEqual(us[2].complexity, 2)
        XCTAssertEqual(us[2].parent, 1)
        XCTAssertTrue(us[2].isAnonymous)
        XCTAssertEqual(us[2].displayName(in: us), "map callback in b")
        // create: && and ternary; `b?:` is an optional marker, not a branch.
        XCTAssertEqual(us[3].complexity, 3)
        XCTAssertEqual(us[3].parameters, 2)
        XCTAssertEqual(us[3].kind, .method)
        XCTAssertEqual(us[4].complexity, 2)
        XCTAssertEqual(us[4].parameters, 0)
    }

    func testReactComponentsHandlersAndJSXText() {
        let us = units("src/pages/Page.tsx", """
            import React from "react";
            export const Button = React.forwardRef<HTMLButtonElement, Props>(({ variant, ...props }, ref) => (
              <button ref={ref} className={variant === "ghost" ? "g" : "p"} {...props} />
            ));
            export default function Page({ items }: { items: Item[] }) {
              const [open, setOpen] = useState(false);
              return (
                <main>
                  <p>Sign in if you can, or else? Don't worry & relax while we wait</p>
                  {items.length > 0 && items.map((it) => <Row key={it.id} onSelect={() => setOpen(!open)} />)}
                  <Button onClick={() => { if (open) setOpen(false); }}>Close</Button>
                </main>
              );
            }
            function useThing(a: string) { return a.length > 3 || a === "x"; }
            const Badge = ({ n }: { n: number }) => <span>
              {n > 9 ? "9+" : n}
            </span>
            export const Panel: React.FC = () => <aside />;
            this.handlers.onSave = () => save();
            """)
        XCTAssertEqual(us.map(\.name), ["Button", "Page", "map callback", "onSelect handler", "onClick handler", "useThing", "Badge", "Panel", "onSave"])
        guard us.count == 9 else { return }
        XCTAssertTrue(us[0].isComponent)
        XCTAssertEqual(us[0].complexity, 2)
        XCTAssertEqual(us[0].parameters, 2)
        XCTAssertEqual([us[0].startLine, us[0].endLine], [2, 4])
        XCTAssertTrue(us[1].isComponent)
        XCTAssertEqual(us[1].complexity, 2, "only the `&&`: words and `?` in JSX text are not branches")
        XCTAssertEqual([us[1].startLine, us[1].endLine], [5, 14])
        XCTAssertEqual(us[1].parameters, 1)
        XCTAssertEqual(us[3].displayName(in: us), "onSelect handler in Page")
        XCTAssertEqual(us[4].complexity, 2)
        XCTAssertFalse(us[5].isComponent)
        XCTAssertEqual(us[5].complexity, 2)
        XCTAssertTrue(us[6].isComponent)
        XCTAssertEqual([us[6].startLine, us[6].endLine], [16, 18], "an expression body spans its whole JSX element")
        XCTAssertEqual(us[6].complexity, 2)
    }

    func testJavaScriptForms() {
        let us = units("server/app.js", """
            router.get('/items/:id', async (req, res) => {
              if (!req.params.id) return res.status(400).end()
              res.json(await db.get(req.params.id))
            })
            module.exports = function handler(req, res) {
              switch (req.method) {
                case 'GET': return get(req, res)
                case 'POST': return post(req, res)
                default: return res.status(405).end()
              }
            }
            const obj = {
              method(a, b) { return a || b },
              arrow: (x) => x ?? 0,
              async other() {},
            }
            const f = x => y => x + y
            """)
        XCTAssertEqual(us.map(\.name), ["get callback", "handler", "method", "arrow", "other", "f", "anonymous function"])
        XCTAssertEqual(us.map(\.complexity), [2, 2, 2, 2, 1, 1, 1])
        XCTAssertEqual(us.map(\.parameters), [2, 2, 2, 1, 0, 1, 1])
        XCTAssertEqual([us[0].startLine, us[0].endLine], [1, 4])
        XCTAssertEqual([us[5].startLine, us[5].endLine], [17, 17], "an ASI-terminated concise body ends on its line")
    }

    func testPythonUnits() {
        let us = units("app/service.py", """
            class Service:
                \"\"\"Docstring.\"\"\"

                def __init__(self, repo):
                    self.repo = repo

                async def run(self, items, *, limit=10, **kw):
                    result = [x for x in items if x and x.ok]
                    for i in range(limit):
                        if i % 2 == 0 or i > 5:
                            continue
                        elif i == 3:
                            pass
                    try:
                        value = a if b else c
                    except ValueError:
                        raise
                    while False:
                        break
                    return result

            def top(a, b=lambda x: x or 1):
                def inner():
                    return a and b
                return inner
            """)
        XCTAssertEqual(us.map(\.name), ["Service.__init__", "Service.run", "top", "inner"])
        XCTAssertEqual(us.map(\.parameters), [1, 3, 2, 0])
        // run: comprehension for/if/and, for, if/or, elif, conditional if, except, while.
        XCTAssertEqual(us.map(\.complexity), [1, 11, 2, 2])
        XCTAssertEqual([us[1].startLine, us[1].endLine], [7, 20])
        XCTAssertEqual(us[1].linesOfCode, 14)
        XCTAssertEqual(us[3].parent, 2)
        XCTAssertEqual(us[2].ownLinesOfCode, 2)
    }

    // MARK: - Duplication

    private func cloneInput(_ path: String, _ text: String) -> CloneDetector.Input {
        let a = CodeAnalysis.analyze(file(path, text))
        return CloneDetector.Input(stream: a.clones, codeLine: a.codeLine)
    }

    private static let original = """
        import { api } from "@/lib/api";
        export async function loadCustomers(page: number) {
          const res = await api.get(`/customers?page=${page}`);
          if (!res.ok) {
            throw new Error("Failed to load customers");
          }
          const body = await res.json();
          const rows = body.items.filter((c: Customer) => c.active);
          for (const row of rows) {
            row.name = row.name.trim();
          }
          return { rows, total: body.total, page };
        }
        """

    func testRenamedCloneIsDetected() {
        let copy = """
            import { http } from "@/lib/http";
            export async function fetchVendors(p: number) {
              const response = await http.get(`/vendors?p=${p}`);
              if (!response.ok) {
                throw new Error("Could not fetch vendors");
              }
              const json = await response.json();
              const list = json.entries.filter((v: Vendor) => v.enabled);
              for (const item of list) {
                item.label = item.label.trim();
              }
              return { list, count: json.count, p };
            }
            """
        let r = CloneDetector.detect([cloneInput("src/a.ts", Self.original), cloneInput("src/b.ts", copy)])
        XCTAssertEqual(r.blocks.count, 1)
        XCTAssertEqual(r.blocks.first?.first, 0)
        XCTAssertEqual(r.blocks.first?.firstLines, 2...13, "imports are left out")
        XCTAssertEqual(r.blocks.first?.secondLines, 2...13)
        XCTAssertEqual(r.totalLines, 26)
        XCTAssertEqual(r.duplicated, 24)
    }

    func testDifferentCodeAndDataAreNotClones() {
        let other = """
            export function summarize(orders: Order[]): Summary {
              let paid = 0, open = 0;
              orders.forEach((o) => (o.paidAt ? paid++ : open++));
              const byMonth = new Map<string, number>();
              for (const o of orders) byMonth.set(o.month, (byMonth.get(o.month) ?? 0) + o.total);
              return { paid, open, months: [...byMonth.entries()].sort() };
            }
            """
        var records = "export const products = [\n"
        for i in 0..<40 { records += "  { id: \(i), name: \"P\(i)\", price: \(i * 3), tags: [\"a\", \"b\"], stock: { count: \(i), warehouse: \"W\" } },\n" }
        records += "];\n"
        let r = CloneDetector.detect([cloneInput("src/a.ts", Self.original), cloneInput("src/b.ts", other), cloneInput("src/data.ts", records)])
        XCTAssertEqual(r.blocks.count, 0)
        XCTAssertEqual(r.duplicated, 0)
    }

    func testCloneCandidatesAreVerified() {
        // With a rolling-hash base of 1 the window hash is the sum of its tokens, so a permutation
        // collides: only the token-by-token check keeps it from counting.
        let n = 50
        var a = CloneStream()
        for k in 0..<n {
            a.hashes.append(UInt32(1000 + k))
            a.lines.append(Int32(k + 1))
        }
        var b = a
        b.hashes.swapAt(0, 1)
        let lines = [UInt8](repeating: 1, count: n + 1)
        let collide = CloneDetector.detect([CloneDetector.Input(stream: a, codeLine: lines), CloneDetector.Input(stream: b, codeLine: lines)],
                                           window: n, base: 1)
        XCTAssertEqual(collide.blocks.count, 0, "an equal hash is not a match until the tokens compare equal")
        let same = CloneDetector.detect([CloneDetector.Input(stream: a, codeLine: lines), CloneDetector.Input(stream: a, codeLine: lines)],
                                        window: n, base: 1)
        XCTAssertEqual(same.blocks.count, 1)
    }

    func testShadcnAndGeneratedFilesAreExcluded() {
        let ui = CodeAnalysis.analyze(file("src/components/ui/button.tsx", "import { Slot } from \"@radix-ui/react-slot\";\nexport const Button = () => <button />;\n"))
        let types = CodeAnalysis.analyze(file("src/integrations/supabase/types.ts", "export type Json = string\n"))
        let dts = CodeAnalysis.analyze(file("src/vite-env.d.ts", "/// <reference types=\"vite/client\" />\n"))
        let gen = CodeAnalysis.analyze(file("src/api/client.ts", "// This file is auto-generated. Do not edit.\nexport const x = 1;\n"))
        let own = CodeAnalysis.analyze(file("src/App.tsx", "export default function App() { return <Button /> }\n"))
        let model = AppCodeModel([ui, types, dts, gen, own], hasShadcnConfig: false)
        XCTAssertTrue(model.usesShadcn, "a components/ui file built on Radix means shadcn/ui")
        XCTAssertEqual(model.files.map(\.path), ["src/App.tsx"])
        XCTAssertEqual(model.excluded.count, 4)
        let noKit = AppCodeModel([CodeAnalysis.analyze(file("src/components/ui/Fancy.tsx", "export const Fancy = () => <div />;\n")), own],
                                 hasShadcnConfig: false)
        XCTAssertEqual(noKit.files.count, 2, "without shadcn, components/ui is the builder's own code")
    }

    func testGeneratedMigrationsTestSetupAndSchemaModules() {
        let typegen = CodeAnalysis.analyze(file("src/types/supabase.ts", """
            export interface Database {
              public: {
                Tables: {
                  users: {
                    Row: { id: string }
                    Insert: { id?: string }
                    Update: { id?: string }
                  }
                }
              }
            }
            """))
        XCTAssertEqual(typegen.excluded, "generated Supabase types", "`supabase gen types` output is recognised wherever it is saved")
        let handTyped = CodeAnalysis.analyze(file("src/types/index.ts", "export interface User { id: string; name: string }\n"))
        XCTAssertNil(handTyped.excluded)
        let alembic = CodeAnalysis.analyze(file("migrations/versions/a1b2_init.py", "def upgrade():\n    op.create_table('t')\n"))
        XCTAssertEqual(alembic.excluded, "Alembic migration")
        let setup = CodeAnalysis.analyze(file("vitest.setup.ts", "(globalThis as any).fetch = () => null;\n"))
        XCTAssertEqual(setup.excluded, "test setup")
        let schema = CodeAnalysis.analyze(file("shared/schema.ts", "import { pgTable, text } from \"drizzle-orm/pg-core\";\nexport const t = pgTable(\"t\", { name: text(\"name\") });\n"))
        XCTAssertTrue(schema.schemaModule)
        var mixed = "import { pgTable, text } from \"drizzle-orm/pg-core\";\nexport const t = pgTable(\"t\", { name: text(\"name\") });\n"
        for i in 0..<5 { mixed += "export async function load\(i)(db: Db) {\n  const rows = await db.select().from(t);\n  return rows.filter((r) => r.name.length > \(i));\n}\n" }
        XCTAssertFalse(CodeAnalysis.analyze(file("server/db.ts", mixed)).schemaModule, "a module that is mostly functions is judged as code")
        XCTAssertNil(schema.excluded, "a schema module is still authored code: only its size and repetition are not judged")
    }

    func testCloneBlocksCoverWholeLinesAndShortMatchesDoNotFenceOffCopies() {
        var text = "const pool = makePool();\napp.use('/api', auth);\n\n"
        for r in ["members", "trainers", "rooms"] {
            text += """
                app.get('/api/\(r)', async (req, res) => {
                  try {
                    const limit = Math.min(parseInt(req.query.limit) || 50, 200);
                    const result = await pool.query('SELECT * FROM \(r) LIMIT $1', [limit]);
                    res.json(result.rows);
                  } catch (err) {
                    console.error('Error fetching \(r):', err);
                    res.status(500).json({ error: 'Failed' });
                  }
                });

                app.get('/api/\(r)/:id', async (req, res) => {
                  try {
                    const result = await pool.query('SELECT * FROM \(r) WHERE id = $1', [req.params.id]);
                    if (result.rows.length === 0) {
                      return res.status(404).json({ error: 'Not found' });
                    }
                    res.json(result.rows[0]);
                  } catch (err) {
                    console.error('Error fetching one of \(r):', err);
                    res.status(500).json({ error: 'Failed' });
                  }
                });

                app.delete('/api/\(r)/:id', async (req, res) => {
                  try {
                    const result = await pool.query('DELETE FROM \(r) WHERE id = $1', [req.params.id]);
                    if (result.rows.length === 0) {
                      return res.status(404).json({ error: 'Not found' });
                    }
                    res.json({ deleted: true });
                  } catch (err) {
                    console.error('Error deleting \(r):', err);
                    res.status(500).json({ error: 'Failed' });
                  }
                });


                """
        }
        let r = CloneDetector.detect([cloneInput("server/index.js", text)])
        let lists = r.blocks.filter { $0.firstLines.lowerBound <= 4 && $0.secondLines.lowerBound > 13 }
        XCTAssertEqual(lists.first?.firstLines.lowerBound, 4, "the copy starts at the first handler, not at `);` of the line before it: \(r.blocks)")
        XCTAssertEqual(lists.first.map { $0.secondLines.lowerBound - $0.firstLines.lowerBound }, 37, "aligned on the next resource's handler")
    }

    func testModifiedComplexityCountsASwitchOnce() {
        let us = units("src/lib/status.ts", """
            export function label(s: string): string {
              switch (s) {
                case "a": return "A";
                case "b": return "B";
                case "c": return "C";
                case "d": return s.length > 2 && s !== "x" ? "D" : "d";
                default: return s;
              }
            }
            """)
        XCTAssertEqual(us[0].complexity, 4, "1 + the switch + the `&&` and the ternary inside a case, not one per case")
    }

    func testCallbacksReturningJSXAreInlineComponents() {
        let us = units("src/pages/List.tsx", """
            export function List({ items }: Props) {
              const total = items.reduce((s, i) => s + i.n, 0);
              return <ul>{items.map((i) => (<li key={i.id}>{i.name}</li>))}</ul>;
            }
            """)
        XCTAssertEqual(us.filter(\.rendersMarkup).map(\.name), ["map callback"])
        XCTAssertEqual(us.first { $0.rendersMarkup }?.sizeThreshold, CodeThresholds.componentLines)
        XCTAssertEqual(us.first { $0.name == "reduce callback" }?.sizeThreshold, CodeThresholds.functionLines)
    }

    func testImportsInsideFunctionsAreLazy() {
        let js = CodeAnalysis.analyze(file("jobs/reminders.js", "const db = require('../db');\nasync function run() {\n  const { pool } = require('../index');\n  const m = await import('./mail');\n}\n"))
        XCTAssertEqual(js.imports.map(\.kind), [.require, .dynamic, .dynamic])
        let py = CodeAnalysis.analyze(file("app.py", "from models import User\n\ndef report():\n    from reports import monthly\n    return monthly()\n"))
        XCTAssertEqual(py.imports.map(\.kind), [.python, .dynamic])
    }

    func testDataLayerFilesAreNotUIComponents() {
        XCTAssertTrue(ArchitectureCollector.isDataLayer("src/context/AuthContext.tsx"))
        XCTAssertTrue(ArchitectureCollector.isDataLayer("src/components/CartProvider.tsx"))
        XCTAssertTrue(ArchitectureCollector.isDataLayer("src/hooks/useOrders.tsx"))
        XCTAssertTrue(ArchitectureCollector.isDataLayer("src/useOrders.tsx"))
        XCTAssertTrue(ArchitectureCollector.isDataLayer("src/utils/security.tsx"))
        XCTAssertFalse(ArchitectureCollector.isDataLayer("src/pages/Orders.tsx"))
        XCTAssertFalse(ArchitectureCollector.isDataLayer("src/components/user-menu.tsx"))
    }

    // MARK: - Imports and cycles

    func testImportsAreParsed() {
        let a = CodeAnalysis.analyze(file("src/a.tsx", """
            import React, { useState } from "react";
            import type { User } from "@/types";
            import "./styles.css";
            export { helper } from "./helper";
            export * as utils from "../utils";
            const Page = lazy(() => import("./Page"));
            const legacy = require("./legacy.js");
            const meta = import.meta.env.VITE_X;
            """))
        XCTAssertEqual(a.imports.map(\.specifier), ["react", "@/types", "./styles.css", "./helper", "../utils", "./Page", "./legacy.js"])
        XCTAssertEqual(a.imports.map(\.kind), [.esImport, .esImport, .esImport, .reexport, .reexport, .dynamic, .require])
        XCTAssertEqual(a.imports.map(\.typeOnly), [false, true, false, false, false, false, false])

        let py = CodeAnalysis.analyze(file("app/api/routes.py", """
            import os, sys as system
            from .models import User
            from . import utils
            from ..core.db import session
            """))
        XCTAssertEqual(py.imports.map(\.specifier), ["os", "sys", "models", "", "core.db"])
        XCTAssertEqual(py.imports.map(\.level), [0, 0, 1, 1, 2])
        XCTAssertEqual(py.imports[3].names, ["utils"])
    }

    func testImportCyclesWithAliasesAndTypeOnlyEdges() {
        let files = [
            CodeAnalysis.analyze(file("src/a.ts", "import { b } from \"./b\";\nimport type { T } from \"./t\";\nexport const a = () => b;\n")),
            CodeAnalysis.analyze(file("src/b.ts", "import { c } from \"@/c\";\nexport const b = () => c;\n")),
            CodeAnalysis.analyze(file("src/c.ts", "export * from \"./a\";\nexport const c = 1;\n")),
            CodeAnalysis.analyze(file("src/t.ts", "import { a } from \"./a\";\nexport type T = ReturnType<typeof a>;\n")),
            CodeAnalysis.analyze(file("src/d.ts", "const m = import(\"./b\");\nconst r = require(\"./c.js\");\n")),
        ]
        let resolver = ImportResolver(files: Set(files.map(\.path)), aliases: [])
        XCTAssertEqual(resolver.resolve(files[4].imports[1], from: "src/d.ts"), "src/c.ts", "a .js specifier names the .ts source")
        let graph = ImportGraph.build(files, resolver: resolver)
        let cycles = graph.cycles()
        XCTAssertEqual(cycles, [[0, 1, 2]], "t ↔ a is type-only; d only imports")
        XCTAssertEqual(graph.shortestCycle(from: 0, within: cycles[0]).map { graph.nodes[$0] }, ["src/a.ts", "src/b.ts", "src/c.ts"])

        let aliased = ImportResolver(files: ["client/src/lib/x.ts", "shared/schema.ts"],
                                     aliases: [(dir: "", mappings: [PathMapping(pattern: "@/*", targets: ["client/src/*"]),
                                                                    PathMapping(pattern: "@shared/*", targets: ["shared/*"])])])
        let ref = ImportRef(specifier: "@shared/schema", offset: 0, kind: .esImport, typeOnly: false, level: 0, names: [])
        XCTAssertEqual(aliased.resolve(ref, from: "server/routes.ts"), "shared/schema.ts")
    }

    func testPythonImportCycle() {
        let files = [
            CodeAnalysis.analyze(file("app/__init__.py", "")),
            CodeAnalysis.analyze(file("app/models.py", "from .db import session\nclass User: pass\n")),
            CodeAnalysis.analyze(file("app/db.py", "from app import models\nsession = None\n")),
            CodeAnalysis.analyze(file("app/main.py", "import app.models\n")),
        ]
        let graph = ImportGraph.build(files, resolver: ImportResolver(files: Set(files.map(\.path)), aliases: []))
        XCTAssertEqual(graph.cycles().map { $0.map { graph.nodes[$0] } }, [["app/models.py", "app/db.py"]])
    }

    // MARK: - Types, data access, config

    func testExplicitAnyTypes() {
        let a = CodeAnalysis.analyze(file("src/a.ts", """
            const x: any = 1;
            const y = z as any;
            const m: Record<string, any> = {};
            let list: any[] = [];
            type Loose = any;
            const s = schema.any();
            const company = { any: 1 };
            // any in a comment, "any" in a string
            function f(any: number) { return any; }
            """))
        XCTAssertEqual(a.anyOffsets.count, 5)
    }

    func testDataAccessSites() {
        let a = CodeAnalysis.analyze(file("src/pages/Orders.tsx", """
            import { supabase as db2 } from "@/integrations/supabase/client";
            import { getDocs } from "firebase/firestore";
            export default function Orders() {
              useEffect(() => { db2.from("orders").select("*"); }, []);
              const n = Array.from(rows);
              supabase.auth.getUser();
              getDocs(q);
              fetch(`${url}/rest/v1/orders`);
              return <p>supabase.from("x")</p>;
            }
            export async function getServerSideProps() { return { props: { n: await prisma.user.count() } }; }
            """))
        XCTAssertEqual(a.dataAccess.map(\.api), ["db2.from('orders')", "getDocs()", "fetch(…/rest/v1/…)", "prisma.user.count()"])
        XCTAssertEqual(a.dataAccess.map(\.serverOnly), [false, false, false, true])
        XCTAssertEqual(a.dataAccess.first?.unit, "useEffect callback")
        XCTAssertTrue(a.hasJSX)
    }

    func testTSConfigReading() {
        let root = file("tsconfig.json", """
            {
              // solution file
              "files": [],
              "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" },],
              "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] }, },
            }
            """)
        let app = file("tsconfig.app.json", "{ \"extends\": \"./tsconfig.base.json\", \"compilerOptions\": { \"noImplicitAny\": false } }")
        let base = file("tsconfig.base.json", "{ \"compilerOptions\": { \"strict\": true, \"strictNullChecks\": true } }")
        let node = file("tsconfig.node.json", "{ \"compilerOptions\": { \"strict\": false } }")
        guard let r = TSConfig.parse(root) else { return XCTFail("root did not parse") }
        XCTAssertTrue(r.isSolution)
        XCTAssertEqual(r.references, ["tsconfig.app.json", "tsconfig.node.json"])
        XCTAssertEqual(r.paths, [PathMapping(pattern: "@/*", targets: ["src/*"])])
        var parsed: [String: TSConfig] = [:]
        for f in [root, app, base, node] { parsed[f.path] = TSConfig.parse(f) }
        let set = TSConfigSet(configs: parsed)
        XCTAssertEqual(set.checkingConfigs(), ["tsconfig.app.json"])
        let e = set.effective("tsconfig.app.json")
        XCTAssertEqual(e.strict, true)
        XCTAssertEqual(e.noImplicitAny, false)
        XCTAssertEqual(e.strictNullChecks, true)
        XCTAssertEqual(e.setIn["strict"], "tsconfig.base.json")
        XCTAssertNotNil(TSConfig.parse(app)?.keyOffsets["noImplicitAny"])
    }

    func testDebtRatingAndScore() {
        XCTAssertEqual(DebtModel.rating(0.03), "A")
        XCTAssertEqual(DebtModel.rating(0.05), "A")
        XCTAssertEqual(DebtModel.rating(0.07), "B")
        XCTAssertEqual(DebtModel.rating(0.15), "C")
        XCTAssertEqual(DebtModel.rating(0.3), "D")
        XCTAssertEqual(DebtModel.rating(0.6), "E")
        XCTAssertEqual(DebtModel.score(0), 100)
        XCTAssertEqual(DebtModel.score(0.025), 90)
        XCTAssertEqual(DebtModel.score(0.10), 60)
        XCTAssertEqual(DebtModel.score(0.35), 30)
        XCTAssertEqual(DebtModel.score(2), 0)
        XCTAssertEqual(DebtModel.complexityMinutes(10), 0)
        XCTAssertEqual(DebtModel.complexityMinutes(14), 50)
        XCTAssertEqual(DebtModel.duplicationMinutes(lines: 20), 55)
        XCTAssertEqual(DebtModel.oversizedFileMinutes(400), 0)
        XCTAssertEqual(DebtModel.oversizedFileMinutes(900), 560)
        XCTAssertEqual(DebtModel.oversizedUnitMinutes(100, threshold: 80), 50)
    }

    // MARK: - Throughput

    /// `CODE_BENCH=<dir>` analyses every JS/TS file under the folder (repeated to at least 4 MB) and
    /// prints MB/s; run it on a release build.
    func testAnalysisThroughput() throws {
        guard let dir = ProcessInfo.processInfo.environment["CODE_BENCH"] else { return }
        var files: [ScannedFile] = []
        let walk = AppWalker().walk(root: dir)
        for e in walk.files {
            guard let lang = Language.detect(path: e.path), lang.isJSFamily,
                  case .text(let b) = FileReader.read(path: e.absolutePath, maxSize: 2_000_000) else { continue }
            files.append(ScannedFile(path: e.path, language: lang, bytes: b, matcher: PatternMatcher(rules: [])))
        }
        var total = files.reduce(0) { $0 + $1.bytes.count }
        guard total > 0 else { return XCTFail("no JS/TS files under \(dir)") }
        let base = files
        while total < 4_000_000 { files += base; total += base.reduce(0) { $0 + $1.bytes.count } }
        let repeats = Int(ProcessInfo.processInfo.environment["CODE_BENCH_REPEAT"] ?? "1") ?? 1
        var tokens = 0
        var analyses: [FileCodeAnalysis] = []
        let t0 = Date()
        for r in 0..<repeats {
            for f in files {
                let a = CodeAnalysis.analyze(f)
                if r == 0 {
                    tokens += a.tokens
                    analyses.append(a)
                }
            }
        }
        let t1 = Date()
        let model = AppCodeModel(analyses, hasShadcnConfig: false)
        let clones = model.clones()
        let t2 = Date()
        let mb = Double(total) / 1_000_000 * Double(repeats)
        print(String(format: "analysis: %.1f MB, %d files, %d tokens: %.3f s = %.1f MB/s (1 thread); clone detection %.3f s (%d blocks)",
                     mb, files.count, tokens, t1.timeIntervalSince(t0), mb / t1.timeIntervalSince(t0), t2.timeIntervalSince(t1), clones.blocks.count))
    }
}

