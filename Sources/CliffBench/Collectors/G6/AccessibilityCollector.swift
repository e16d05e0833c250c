import Foundation

/// G6.D3: accessibility basics in the app's markup (JSX/TSX, HTML, Vue, Svelte, and HTML built in client
/// template literals): images without `alt` (including `next/image`), form controls without a label
/// (`<label htmlFor>`, a wrapping `<label>`/`<Label>`, shadcn/Chakra `FormControl` with a `FormLabel`,
/// `aria-label(ledby)` or `title`; placeholder-only labels are a low finding), icon-only buttons with no
/// accessible name, `<html>` without `lang`, and clickable `<div>`/`<span>`/`<li>` without a role or a
/// keyboard handler. Tags are parsed at byte level (attributes read up to the closing `>` with `{…}`
/// nesting and quotes respected); elements that spread their props (`{...props}`) are wrappers and are
/// judged at their call sites. Score: 100 × (1 − issues / elements checked), a low issue counting half.
/// Not measured when the app has no UI markup.
public struct AccessibilityCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G6.D3", slug: "accessibility", kind: .diagnostic, methods: "S",
        measures: "alt text, form labels, lang attribute, named buttons",
        severity: .medium, remediation: RemediationCost(baseHours: 0.5, perFindingHours: 0.15),
        triggering: [
            CollectorExample("src/components/DoctorCard.tsx", """
                export default function DoctorCard({ doctor }) {
                  return (
                    <div className="card">
                      ↓<img src={doctor.photo_url} className="h-20 w-20 rounded-full" />
                      <h3>{doctor.name}</h3>
                    </div>
                  );
                }
                """, note: "image without alt"),
            CollectorExample("src/pages/Login.tsx", """
                export default function Login() {
                  return (
                    <form>
                      ↓<input className="w-full" value={email} onChange={(e) => setEmail(e.target.value)} />
                      ↓<input type="password" placeholder="Password" value={password} onChange={(e) => setPassword(e.target.value)} />
                      <button>Sign in</button>
                    </form>
                  );
                }
                """, note: "a control with no label at all, and one labelled only by its placeholder"),
            CollectorExample("src/components/Navbar.tsx", """
                import { LogOut } from "lucide-react";
                export default function Navbar({ logout }) {
                  return (
                    <nav>
                      ↓<button onClick={logout}>
                        <LogOut className="h-4 w-4" />
                      </button>
                    </nav>
                  );
                }
                """, note: "icon-only button without an accessible name"),
            CollectorExample("index.html", """
                <!doctype html>
                ↓<html>
                  <head><title>Clinic</title></head>
                  <body><div id="root"></div></body>
                </html>
                """, note: "html without lang"),
            CollectorExample("src/components/Card.jsx", """
                export const Card = ({ onSelect }) => (
                  ↓<div onClick={onSelect} className="card cursor-pointer">Choose</div>
                );
                """, note: "clickable div without role or keyboard handler"),
        ],
        nonTriggering: [
            CollectorExample("src/components/DoctorCard.tsx", """
                import Image from "next/image";
                export default function DoctorCard({ doctor }) {
                  return (
                    <div>
                      <Image src={doctor.photo} alt={doctor.name} width={80} height={80} />
                      <img src="/divider.svg" alt="" />
                      {/* <img src={doctor.photo} /> */}
                    </div>
                  );
                }
                """, note: "alt present (empty alt marks decoration); a commented-out img"),
            CollectorExample("src/pages/Login.tsx", """
                import { Input } from "@/components/ui/input";
                import { Label } from "@/components/ui/label";
                export default function Login() {
                  return (
                    <form>
                      <Label htmlFor="email">Email</Label>
                      <Input id="email" type="email" />
                      <label className="flex gap-2"><input type="checkbox" /> Remember me</label>
                      <input type="hidden" name="csrf" value={token} />
                      <select aria-label="Status"><option>Open</option></select>
                      <button type="submit">Sign in</button>
                      <button aria-label="Close dialog"><X className="h-4 w-4" /></button>
                      <button><Trash2 className="h-4 w-4" /><span className="sr-only">Delete</span></button>
                      <button>{isSignup ? "Sign up" : "Sign in"}</button>
                    </form>
                  );
                }
                """, note: "shadcn Label/Input pair, wrapping label, aria-label, sr-only text, text from an expression"),
            CollectorExample([
                "src/components/ui/input.tsx": """
                    import * as React from "react";
                    const Input = React.forwardRef<HTMLInputElement, React.InputHTMLAttributes<HTMLInputElement>>(({ className, type, ...props }, ref) => (
                      <input type={type} className={className} ref={ref} {...props} />
                    ));
                    export { Input };
                    """,
                "src/components/ui/form-demo.tsx": """
                    export function EmailField({ form }) {
                      return (
                        <FormField control={form.control} name="email" render={({ field }) => (
                          <FormItem>
                            <FormLabel>Email</FormLabel>
                            <FormControl><Input {...field} /></FormControl>
                          </FormItem>
                        )} />
                      );
                    }
                    """,
                "index.html": "<!doctype html>\n<html lang=\"en\"><body><div id=\"root\"></div></body></html>\n",
            ], note: "a shadcn wrapper that spreads props, and a react-hook-form field inside FormControl"),
            CollectorExample([
                "src/App.tsx": """
                    export function Row({ open }) {
                      return <div role="button" tabIndex={0} onClick={open} onKeyDown={(e) => e.key === "Enter" && open()}>Open</div>;
                    }
                    const sizes: Array<Image> = [];
                    """,
                "docs/guide.md": "Use `<img src=\"x.png\">` in examples.\n",
                "src/App.test.tsx": "render(<img src=\"x.png\" />);\n",
            ], note: "keyboard-accessible clickable div; markup in docs and tests; a TypeScript generic"),
        ])

    public var rules: [PatternRule] {
        let langs: Set<Language> = [.jsx, .tsx, .javascript, .typescript, .html, .vue, .svelte]
        return [
            PatternRule(id: "G6.D3/element", literals: ["<img", "<Image", "<input", "<Input", "<select", "<textarea", "<Textarea", "<button", "<Button",
                                                        "<IconButton", "<html", "<Html"],
                        regions: .any, languages: langs,
                        regexEquivalent: #"<(img|Image|input|Input|select|textarea|Textarea|button|Button|IconButton|html|Html)[\s/>]"#),
            PatternRule(id: "G6.D3/click", literals: ["onClick=", "onclick=", "@click", "on:click", "v-on:click"], regions: .any, languages: langs,
                        regexEquivalent: #"<(div|span|li|p|td|tr|section|article|img)\b[^>]*\b(onClick|onclick|@click|on:click)="#),
        ]
    }

    private static let clickableStatics: Set<String> = ["div", "span", "li", "p", "td", "tr", "section", "article", "img", "header", "footer", "main", "aside", "ul", "ol", "h1", "h2", "h3", "i"]

    private struct Counts {
        var images = 0, controls = 0, buttons = 0, roots = 0, clickables = 0
        var total: Int { images + controls + buttons + roots + clickables }
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let hits = G6Hits(app, metric: d.id, rules: ["element", "click"])
        var findings: [Finding] = []
        var counts = Counts()
        var markupFiles = 0

        for path in hits.paths {
            guard let f = hits.files[path], eligible(f) else { continue }
            markupFiles += 1
            let b = f.bytes
            var labels: LabelContext?
            let imageName = importedName(f, from: "next/image")
            let htmlName = importedName(f, from: "next/document").map { _ in "Html" }
            var seenElements = Set<Int>(), seenClicks = Set<Int>()

            for h in hits.hits(path) {
                let lt: Int
                if h.rule == "element" {
                    lt = h.offset
                    let after = lt + h.length
                    guard after < b.count, G6Scan.isSpace(b[after]) || b[after] == 0x3E || b[after] == 0x2F else { continue }
                    if lt > 0 && (G6Scan.isIdent(b[lt - 1]) || b[lt - 1] == 0x2E) { continue }
                    guard seenElements.insert(lt).inserted else { continue }
                } else {
                    let e = h.offset + h.length
                    guard e < b.count, b[h.offset..<e].last == 0x3D || b[e] == 0x3D || b[e] == 0x2E else { continue }
                    guard let start = enclosingTag(b, h.offset), seenClicks.insert(start).inserted else { continue }
                    lt = start
                }
                guard acceptsMarkup(f, lt), let tag = MarkupTag.parse(b, at: lt) else { continue }

                if h.rule == "click" {
                    guard Self.clickableStatics.contains(tag.name) else { continue }
                    counts.clickables += 1
                    let role = tag.has("role")
                    let key = tag.attributes.contains { a in
                        let n = a.name.lowercased()
                        return n.hasPrefix("onkey") || n.hasPrefix("@key") || n.hasPrefix("on:key") || n.hasPrefix("v-on:key")
                    }
                    if role && key { continue }
                    let missing = [role ? nil : "a role", key ? nil : "a keyboard handler"].compactMap { $0 }.joined(separator: " or ")
                    findings.append(Finding.at(d, rule: "click-static", file: f, offset: lt, severity: .low,
                        message: "A clickable <\(tag.name)> without \(missing): keyboard and screen-reader users cannot reach or activate it. Use a <button> (or add role=\"button\", tabIndex={0} and an onKeyDown handler)."))
                    continue
                }

                switch tag.name {
                case "img", imageName ?? "img":
                    guard tag.spreads.isEmpty || tag.has("alt") else { continue }
                    counts.images += 1
                    if !(tag.has("alt") || tag.nonEmpty("aria-label") || tag.has("aria-labelledby") || isHidden(tag)) {
                        findings.append(Finding.at(d, rule: "img-alt", file: f, offset: lt, severity: .medium,
                            message: "<\(tag.name)> has no alt attribute: screen readers announce the file name or nothing at all. Add alt text that says what the image shows, or alt=\"\" when it is purely decorative."))
                    }
                case "input", "Input", "select", "textarea", "Textarea":
                    let type = (tag.text("type") ?? "text").lowercased()
                    if ["hidden", "submit", "button", "reset", "image"].contains(type) { continue }
                    if tag.spreads.contains(where: isPropsSpread) { continue }
                    if labels == nil { labels = LabelContext(f) }
                    counts.controls += 1
                    let id = tag.text("id")
                    let named = tag.nonEmpty("aria-label") || tag.has("aria-labelledby") || tag.nonEmpty("title")
                        || (id.map { labels!.forIDs.contains($0) } ?? false) || labels!.wrapped(lt)
                        || (tag.spreads.contains("field") && labels!.inFormControl(lt))
                    if named { continue }
                    if tag.nonEmpty("placeholder") {
                        findings.append(Finding.at(d, rule: "control-placeholder-only", file: f, offset: lt, severity: .low,
                            message: "<\(tag.name)> is labelled only by its placeholder, which disappears as soon as the user types and is not reliably announced. Add a visible <label htmlFor> (or an aria-label)."))
                    } else {
                        findings.append(Finding.at(d, rule: "control-label", file: f, offset: lt, severity: .medium,
                            message: "<\(tag.name)> has no label: screen-reader users hear only the control type and cannot tell what to enter. Add a <label htmlFor=…> (or wrap it in <label>) or an aria-label."))
                    }
                case "button", "Button", "IconButton":
                    if tag.spreads.contains(where: isPropsSpread) && !tag.has("aria-label") { continue }
                    var named = tag.nonEmpty("aria-label") || tag.has("aria-labelledby") || tag.nonEmpty("title")
                    if !named && !tag.selfClosing {
                        guard let close = tag.closeOffset(b) else { continue }
                        named = MarkupTag.childrenHaveText(b, tag.end..<close)
                    }
                    counts.buttons += 1
                    if !named {
                        findings.append(Finding.at(d, rule: "button-name", file: f, offset: lt, severity: .medium,
                            message: "This <\(tag.name)> has no accessible name (it holds only an icon): screen readers announce just \"button\". Add aria-label=\"…\" or visually hidden text (className=\"sr-only\")."))
                    }
                case "html", htmlName ?? "html":
                    counts.roots += 1
                    if !tag.nonEmpty("lang") {
                        findings.append(Finding.at(d, rule: "html-lang", file: f, offset: lt, severity: .medium,
                            message: "<\(tag.name)> has no lang attribute: screen readers guess the page language and mispronounce it, and translation tools misfire. Set it, e.g. lang=\"en\"."))
                    }
                default:
                    continue
                }
            }
        }

        guard counts.total > 0 else {
            return .notMeasured(d.id, markupFiles == 0 ? "the app has no UI markup (JSX, HTML, Vue or Svelte)"
                                : "the app's markup has no images, form controls, buttons, <html> root or clickable elements to check")
        }
        let weighted = findings.reduce(0.0) { $0 + ($1.severity >= .medium ? 1 : 0.5) }
        let score = FindingScore.round1(max(0, 100 * (1 - weighted / Double(counts.total))))
        return MetricResult(metricID: d.id, value: .measured(score), findings: findings, evidence: [
            Evidence("elements checked", counts.total), Evidence("images", counts.images), Evidence("form controls", counts.controls),
            Evidence("buttons", counts.buttons), Evidence("html roots", counts.roots), Evidence("clickable non-interactive elements", counts.clickables),
            Evidence("issues", findings.count),
        ])
    }

    private func eligible(_ f: ScannedFile) -> Bool {
        switch G6Scan.role(f) {
        case .test, .docs, .config, .schema: return false
        case .server: return f.language == .jsx || f.language == .tsx || f.language == .html || f.language == .vue || f.language == .svelte
        default: return true
        }
    }

    /// Markup in JSX/HTML code; in plain .ts only HTML inside template literals counts.
    private func acceptsMarkup(_ f: ScannedFile, _ lt: Int) -> Bool {
        guard G6Scan.isMarkup(f, lt) else { return false }
        if f.language == .typescript {
            return f.kind(at: lt) == .string
        }
        return true
    }

    private func isHidden(_ tag: MarkupTag) -> Bool {
        let role = tag.text("role")?.lowercased() ?? ""
        return role == "presentation" || role == "none" || (tag.text("aria-hidden") ?? "") == "true"
    }

    private func isPropsSpread(_ expr: String) -> Bool {
        let e = expr.trimmingCharacters(in: .whitespaces)
        return ["props", "rest", "others", "restProps", "$$restProps", "attrs", "$attrs", "p", "other"].contains(e)
            || e.hasSuffix("Props") || e.hasSuffix("props")
    }

    /// The local name a module's default export is imported under (`import NextImage from "next/image"`).
    private func importedName(_ f: ScannedFile, from module: String) -> String? {
        let b = f.bytes
        for q in ["\"", "'"] {
            for i in f.find("from \(q)\(module)\(q)", in: .live) {
                guard let imp = (0..<i).reversed().prefix(300).first(where: { G6Scan.hasLiteral(b, at: $0, "import ") }) else { continue }
                let s = G6Scan.skipSpace(b, imp + 7)
                let e = G6Scan.identEnd(b, s)
                if e > s { return G6Scan.text(b, s..<e) }
            }
        }
        return nil
    }

    /// The `<` of the tag an attribute at `offset` belongs to.
    private func enclosingTag(_ b: [UInt8], _ offset: Int) -> Int? {
        var i = offset - 1
        let lo = max(0, offset - 4000)
        var tries = 0
        while i >= lo && tries < 8 {
            if b[i] == 0x3C, i + 1 < b.count, ByteClass.isAlpha(b[i + 1]) {
                tries += 1
                if let t = MarkupTag.parse(b, at: i), t.end > offset { return i }
            }
            i -= 1
        }
        return nil
    }

    /// Where labels are in a file: `htmlFor`/`for` targets and label-like containers.
    private struct LabelContext {
        var forIDs = Set<String>()
        var containers: [(open: [Int], close: [Int])] = []
        var formControls: (open: [Int], close: [Int]) = ([], [])
        var hasFormLabel = false

        init(_ f: ScannedFile) {
            let b = f.bytes
            for attr in ["htmlFor=", " for=", "\tfor=", "\nfor="] {
                for i in f.find(attr, in: .any) {
                    let v = G6Scan.skipSpace(b, i + attr.utf8.count)
                    guard v < b.count else { continue }
                    if b[v] == 0x7B, let close = MarkupTag.braceEnd(b, v, limit: min(b.count, v + 400)) {
                        forIDs.insert(G6Scan.text(b, (v + 1)..<close).trimmingCharacters(in: .whitespacesAndNewlines))
                    } else if let (s, _) = G6Scan.quoted(b, at: v) {
                        forIDs.insert(s)
                    }
                }
            }
            func spans(_ name: String) -> (open: [Int], close: [Int]) {
                let open = f.find("<\(name)", in: .any).filter { j in
                    let k = j + name.utf8.count + 1
                    return k < b.count && !MarkupTag.isNameByte(b[k])
                }
                let close = f.find("</\(name)", in: .any).filter { j in
                    let k = j + name.utf8.count + 2
                    return k < b.count && !MarkupTag.isNameByte(b[k])
                }
                return (open, close)
            }
            containers.append(spans("label"))
            containers.append(spans("Label"))
            hasFormLabel = f.contains("<FormLabel", in: .any) || f.contains("<Form.Item", in: .any)
            if hasFormLabel {
                containers.append(spans("FormControl"))
                containers.append(spans("Form.Item"))
                formControls = spans("FormControl")
            }
        }

        private static func inside(_ s: (open: [Int], close: [Int]), _ offset: Int) -> Bool {
            s.open.filter { $0 < offset }.count > s.close.filter { $0 < offset }.count
        }

        func wrapped(_ offset: Int) -> Bool { containers.contains { Self.inside($0, offset) } }
        func inFormControl(_ offset: Int) -> Bool { hasFormLabel && Self.inside(formControls, offset) }
    }
}
