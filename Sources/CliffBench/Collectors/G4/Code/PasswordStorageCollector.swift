import Foundation

/// G4.D6: how the app stores and checks passwords it handles itself. Findings: passwords hashed
/// with a fast digest (MD5, SHA-1, SHA-2 via `crypto.createHash`, `md5()`, CryptoJS, Web Crypto,
/// `hashlib`), PBKDF2 under 100,000 iterations or bcrypt under cost 10, passwords written to a
/// database, an in-memory store or localStorage without hashing, passwords compared with
/// `===`/`==` against a stored record (plaintext storage), and hard-coded credential checks.
/// bcrypt/bcryptjs, argon2, scrypt, PBKDF2 ≥ 100k, passlib and werkzeug/Django hashers are fine;
/// a model's pre-save hashing hook covers the creates that rely on it. Not measured when the app
/// never handles passwords itself (delegated to Supabase Auth, Firebase, Clerk, Auth0, OAuth, or no
/// passwords at all).
public struct PasswordStorageCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.D6", slug: "password-storage", kind: .diagnostic, methods: "S",
        measures: "plaintext, MD5 or SHA-1 instead of bcrypt/scrypt/argon2",
        severity: .high, remediation: RemediationCost(baseHours: 2, perFindingHours: 0.5),
        triggering: [
            CollectorExample("server/routes/auth.js", """
                const crypto = require('crypto');
                router.post('/register', async (req, res) => {
                  const hash = crypto.↓createHash('md5').update(req.body.password).digest('hex');
                  await db.users.insert({ email: req.body.email, passwordHash: hash });
                });
                """, note: "MD5 password hash"),
            CollectorExample("server/routes/auth.ts", """
                import { prisma } from '../db';
                export async function register(req, res) {
                  const { email, password } = req.body;
                  const user = await prisma.user.create({ data: { email, ↓password } });
                  res.json(user);
                }
                """, note: "stored in plaintext"),
            CollectorExample("server/routes/login.js", """
                router.post('/login', async (req, res) => {
                  const user = await User.findOne({ email: req.body.email });
                  if (!user || ↓user.password !== req.body.password) return res.sendStatus(401);
                  res.json({ ok: true });
                });
                """, note: "plaintext comparison"),
            CollectorExample("src/context/AuthContext.tsx", """
                export function signup(email: string, password: string) {
                  const users = JSON.parse(localStorage.getItem('users') || '[]');
                  users.push({ email, ↓password });
                  localStorage.setItem('users', JSON.stringify(users));
                }
                """, note: "passwords kept in the browser's localStorage"),
            CollectorExample("app/auth.py", """
                import hashlib
                def register(db, username, password):
                    digest = ↓hashlib.sha256(password.encode()).hexdigest()
                    db.execute("INSERT INTO users (username, password) VALUES (?, ?)", (username, digest))
                """, note: "unsalted SHA-256 in Python"),
            CollectorExample("server/auth.js", """
                const crypto = require('crypto');
                const hash = (password, salt) => crypto.↓pbkdf2Sync(password, salt, 1000, 64, 'sha512').toString('hex');
                """, note: "PBKDF2 with too few iterations"),
        ],
        nonTriggering: [
            CollectorExample("server/auth.test.js", """
                const fixture = crypto.createHash('md5').update(password).digest('hex');
                // users.push({ email, password })
                """, note: "test fixtures and commented code"),
            CollectorExample("server/routes/auth.ts", """
                import bcrypt from 'bcryptjs';
                export async function register(req, res) {
                  const { email, password } = req.body;
                  const hashed = await bcrypt.hash(password, 12);
                  const user = await prisma.user.create({ data: { email, password: hashed } });
                  if (!(await bcrypt.compare(password, user.password))) return res.sendStatus(401);
                  res.json(user);
                }
                """, note: "bcrypt"),
            CollectorExample("server/auth.ts", """
                import { scrypt, randomBytes, timingSafeEqual } from "crypto";
                async function hashPassword(password: string) {
                  const salt = randomBytes(16).toString("hex");
                  const buf = (await scryptAsync(password, salt, 64)) as Buffer;
                  return `${buf.toString("hex")}.${salt}`;
                }
                app.post("/api/register", async (req, res) => {
                  const user = await storage.createUser({ ...req.body, password: await hashPassword(req.body.password) });
                  res.json(user);
                });
                const tokenHash = crypto.createHash('sha256').update(resetToken).digest('hex');
                """, note: "scrypt (Replit template) and SHA-256 of a reset token"),
            CollectorExample("src/pages/Signup.tsx", """
                export default function Signup() {
                  const onSubmit = async ({ email, password, confirmPassword }) => {
                    if (password !== confirmPassword) return setError('Passwords do not match');
                    await supabase.auth.signUp({ email, password });
                  };
                  return <form onSubmit={onSubmit}><input type="password" name="password" /></form>;
                }
                """, note: "delegated to Supabase Auth; form validation"),
            CollectorExample("server/models/User.js", """
                const userSchema = new mongoose.Schema({ email: String, password: String });
                userSchema.pre('save', async function () { this.password = await bcrypt.hash(this.password, 10); });
                router.post('/register', async (req, res) => { const user = await User.create({ email: req.body.email, password: req.body.password }); res.json(user); });
                """, note: "a pre-save hook hashes before storing"),
            CollectorExample("app/auth.py", """
                from werkzeug.security import generate_password_hash, check_password_hash
                def register(db, username, password):
                    db.execute("INSERT INTO users (username, password) VALUES (?, ?)", (username, generate_password_hash(password)))
                """, note: "werkzeug"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.D6/digest", literals: ["createHash(", "md5(", "sha1(", "sha256(", "sha512(", "MD5(", "SHA1(", "SHA256(", "SHA512(", "digest(", "hashlib.", "pbkdf2"],
                        regions: .code, languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte],
                        regexEquivalent: #"createHash\(\s*['"](md5|sha1|sha256|sha512)['"]\)[^;]*(password|passwd|pwd)|\b(md5|sha1|sha256|MD5|SHA1|SHA256)\([^)]*(password|pwd)|hashlib\.(md5|sha1|sha256)\([^)]*(password|pwd)|pbkdf2(Sync|_hmac)?\([^)]*,\s*\d{1,5}\s*[,)]"#),
            PatternRule(id: "G4.D6/password", literals: ["password"], caseSensitive: false, regions: .code,
                        languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte],
                        regexEquivalent: #"(?i)password\s*[:,}=]|\.password\s*[!=]==?"#),
            PatternRule(id: "G4.D6/web-storage", literals: ["Storage.setItem("], regions: .code,
                        languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .html],
                        regexEquivalent: #"(local|session)Storage\.setItem\(\s*['"`][^'"`]*(password|passwd|pwd)[^'"`]*['"`]"#),
            PatternRule(id: "G4.D6/kdf", literals: ["bcrypt", "argon2", "scrypt", "pbkdf2", "passlib", "generate_password_hash", "make_password", "hashPassword", "hash_password"],
                        caseSensitive: false, regions: .live, languages: [.javascript, .jsx, .typescript, .tsx, .python],
                        regexEquivalent: #"(?i)bcrypt|argon2|scrypt|pbkdf2|passlib|generate_password_hash|make_password|hash_?password"#),
        ]
    }

    private static let passwordWords = ["password", "passwd", "pwd", "passcode", "pass"]

    private func isPasswordish(_ text: String) -> Bool {
        let l = text.lowercased()
        if l.contains("confirm") || l.contains("reset") && l.contains("token") { return false }
        return l.contains("password") || l.contains("passwd") || l.range(of: "pwd") != nil || l.hasSuffix(".pass") || l == "pass" || l.contains("passcode")
    }

    private func isHashed(_ text: String) -> Bool {
        let l = text.lowercased()
        return ["hash", "bcrypt", "argon", "scrypt", "pbkdf2", "crypt(", "encrypt", "digest", "make_password", "generate_password_hash"].contains { l.contains($0) }
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        var findings: [Finding] = []
        var kdfSites = 0
        var storeSites = 0
        var compareSites = 0
        var bodies: [String: [Range<Int>]] = [:]
        func scope(_ f: ScannedFile, _ at: Int) -> Range<Int> {
            if f.language == .python { return pythonScope(f, at) }
            if bodies[f.path] == nil { bodies[f.path] = ByteNav.jsFunctionBodies(f) }
            return ByteNav.outermost(bodies[f.path]!, containing: at) ?? (max(0, at - 3000)..<min(f.bytes.count, at + 1000))
        }
        let kdfHits = app.hits("G4.D6/kdf").filter { ShippedCode.isShippedCode($0.file) }
        kdfSites = Set(kdfHits.map { $0.file.path }).count
        let hashingFiles = Set(kdfHits.map(\.file.path))
        let preSaveHashing = app.files.contains { f in
            hashingFiles.contains(f.path) && (ByteNav.contains(f, "pre('save'", in: 0..<f.bytes.count, filter: .any) || ByteNav.contains(f, "pre(\"save\"", in: 0..<f.bytes.count, filter: .any)
                || ByteNav.contains(f, "beforeCreate", in: 0..<f.bytes.count) || ByteNav.contains(f, "@BeforeInsert", in: 0..<f.bytes.count))
                && ["bcrypt", "argon2", "hash("].contains { ByteNav.contains(f, $0, in: 0..<f.bytes.count) }
        }

        // Fast digests and weak KDF parameters.
        // One weak-hash finding per file and algorithm, counting the places.
        var weak: [String: (Finding, Int)] = [:]
        var weakOrder: [String] = []
        for (f, hit) in app.hits("G4.D6/digest") where ShippedCode.isShippedCode(f) {
            guard let x = digestFinding(f, hit, { scope(f, Int(hit.offset)) }) else { continue }
            guard x.rule == "weak-hash" else { findings.append(x); continue }
            let key = "\(f.path)|\(x.message.prefix(40))"
            if let e = weak[key] { weak[key] = (e.0, e.1 + 1) } else { weak[key] = (x, 1); weakOrder.append(key) }
        }
        for key in weakOrder {
            guard let e = weak[key] else { continue }
            var x = e.0
            let n = e.1
            if n > 1 { x.message += " (\(n) places in this file.)" }
            findings.append(x)
        }
        for (f, hit) in kdfHits {
            let off = Int(hit.offset)
            let lit = f.string(off..<(off + Int(hit.length))).lowercased()
            guard lit == "bcrypt", f.language.isJSFamily || f.language == .python else { continue }
            // bcrypt.hash(pw, N) / hashSync(pw, N) / genSalt(N) / gensalt(rounds=N)
            let after = ByteNav.codeText(f, off..<min(f.bytes.count, off + 120))
            for m in [".hash(", ".hashSync(", ".genSalt(", ".genSaltSync(", ".gensalt("] {
                guard let r = after.range(of: m), after.distance(from: after.startIndex, to: r.lowerBound) <= 6 else { continue }
                let open = off + after.utf8.distance(from: after.utf8.startIndex, to: r.upperBound.samePosition(in: after.utf8)!) - 1
                let args = ByteNav.callArgs(f, open: open)
                let costArg = m.contains("alt") ? args.first : (args.count > 1 ? args[1] : nil)
                guard let c = costArg else { continue }
                let t = ByteNav.codeText(f, c).replacingOccurrences(of: "rounds=", with: "")
                if let n = Int(t), n < 10 {
                    findings.append(Finding.at(descriptor, rule: "weak-kdf", file: f, offset: c.lowerBound, severity: .medium,
                                               message: "bcrypt runs with cost \(n); below 10 a GPU tries millions of guesses per second against a leaked table. Use a cost of 12 (re-hash on next login)."))
                }
            }
        }

        // Plaintext stores and comparisons, keyed off `password` in code.
        var seenStores = Set<String>()
        for (f, hit) in app.hits("G4.D6/password") where ShippedCode.isShippedCode(f) {
            let off = Int(hit.offset)
            if let (x, kind) = passwordUse(f, off, scope: { scope(f, off) }, preSaveHashing: preSaveHashing, app: app) {
                if kind == "store" { storeSites += 1 } else { compareSites += 1 }
                if let x, seenStores.insert("\(x.path ?? ""):\(x.line)").inserted { findings.append(x) }
            }
        }
        // Passwords written to web storage ("remember me", fake accounts).
        for (f, hit) in app.hits("G4.D6/web-storage") where ShippedCode.isShippedCode(f) && ShippedCode.runsInBrowser(f) {
            let off = Int(hit.offset)
            let args = ByteNav.callArgs(f, open: off + Int(hit.length) - 1)
            guard args.count >= 2, let key = ByteNav.stringValue(f, args[0]), isPasswordish(key) else { continue }
            let value = ByteNav.codeText(f, args[1])
            if value == "''" || value == "\"\"" || isHashed(value) { continue }
            var s = off
            while s > 0, ByteClass.isIdentifier(f.bytes[s - 1]) { s -= 1 }
            storeSites += 1
            findings.append(Finding.at(descriptor, rule: "plaintext-password", file: f, offset: s, severity: .high,
                                       message: "The user's password is saved in browser storage (key \"\(key)\") in plaintext, where any script on the page, an extension or the next person at the device can read it. Never store passwords client-side; keep a session token (HttpOnly cookie) instead."))
        }
        // Python SQL inserts of a password column without hashing in the function.
        for f in app.files where f.language == .python && ShippedCode.isShippedCode(f) {
            for at in ByteNav.find(f, "INSERT INTO", in: 0..<f.bytes.count, filter: .string, caseInsensitive: true) {
                guard let reg = ByteNav.region(f, at: at) else { continue }
                let sql = f.string(Int(reg.start)..<Int(reg.end)).lowercased()
                guard sql.contains("password") else { continue }
                storeSites += 1
                let sc = pythonScope(f, at)
                let callEnd = ByteNav.pythonLogicalLineEnd(f, at)
                let stmt = ByteNav.codeText(f, at..<callEnd)
                if isHashed(ByteNav.codeText(f, sc)) || isHashed(stmt) { continue }
                findings.append(Finding.at(descriptor, rule: "plaintext-password", file: f, offset: Int(reg.start), severity: .high,
                                           message: "A password column is inserted with no hashing anywhere in this function, so passwords are stored as written. One database leak exposes every user's password (and the accounts elsewhere where they reused it). Store generate_password_hash(password) (or bcrypt/argon2) instead."))
            }
        }

        let delegated = ShippedCode.delegatedAuth(app)
        let handles = kdfSites > 0 || storeSites > 0 || compareSites > 0 || !findings.isEmpty
        guard handles else {
            let why = delegated.isEmpty ? "the app never hashes, stores or compares passwords itself"
                : "passwords are handled by \(delegated.map(\.rawValue).sorted().joined(separator: ", ")); the app never hashes, stores or compares them itself"
            return .notMeasured(d.id, why)
        }
        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.path ?? ""):\($0.line):\($0.rule)").inserted }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("files using a password hash (bcrypt/argon2/scrypt/pbkdf2)", kdfSites),
                                       Evidence("password store sites", storeSites), Evidence("password comparisons", compareSites),
                                       Evidence("delegated auth", delegated.isEmpty ? "none" : delegated.map(\.rawValue).sorted().joined(separator: ", ")),
                                       Evidence("problems", findings.count)])
    }

    private func pythonScope(_ f: ScannedFile, _ at: Int) -> Range<Int> {
        // The enclosing `def`: the nearest earlier line starting with `def`/`async def` at a smaller indent.
        let ind = ByteNav.indent(f, lineOf: at)
        var line = f.location(of: at).line
        while line > 1 {
            line -= 1
            let t = f.lineText(line)
            let trimmed = t.drop { $0 == " " || $0 == "\t" }
            if (trimmed.hasPrefix("def ") || trimmed.hasPrefix("async def ")) && t.count - trimmed.count < ind {
                let start = f.lineRange(line).lowerBound
                return start..<ByteNav.pythonBlockEnd(f, headerAt: start)
            }
        }
        return max(0, at - 3000)..<min(f.bytes.count, at + 1000)
    }

    // MARK: - Digests

    private func digestFinding(_ f: ScannedFile, _ hit: RuleHit, _ scopeOf: () -> Range<Int>) -> Finding? {
        let off = Int(hit.offset), len = Int(hit.length)
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        let stmtEnd = f.language == .python ? ByteNav.pythonLogicalLineEnd(f, off) : ByteNav.statementEnd(f, off)
        let stmtStart = ByteNav.statementStart(f, off)
        let stmt = ByteNav.codeText(f, stmtStart..<stmtEnd)
        if lit.lowercased() == "pbkdf2" {
            // pbkdf2Sync(pw, salt, iterations, …) / pbkdf2(…) / hashlib.pbkdf2_hmac(name, pw, salt, iterations)
            var j = off + len
            while j < b.count, ByteClass.isIdentifier(b[j]) { j += 1 }
            let open = ByteNav.skipTrivia(f, j)
            guard open < b.count, b[open] == 0x28 else { return nil }
            let args = ByteNav.callArgs(f, open: open)
            let idx = f.language == .python ? 3 : 2
            guard args.count > idx else { return nil }
            let t = ByteNav.codeText(f, args[idx]).replacingOccurrences(of: "_", with: "")
            guard let n = Int(t), n < 100_000 else { return nil }
            return Finding.at(descriptor, rule: "weak-kdf", file: f, offset: off, severity: .medium,
                              message: "PBKDF2 runs \(n) iterations; current guidance (OWASP) is at least 600,000 for SHA-256 and never under 100,000, or a GPU cracks a leaked table quickly. Raise the count, or switch to argon2id/bcrypt.")
        }
        // Which algorithm, and is the input a password?
        var algo = ""
        var input = stmt
        switch lit {
        case "createHash(":
            guard let a = ByteNav.callArgs(f, open: off + len - 1).first, let v = ByteNav.stringValue(f, a) else { return nil }
            algo = v.lowercased()
            if let u = ByteNav.find(f, ".update(", in: off..<stmtEnd).first, let arg = ByteNav.callArgs(f, open: u + 7).first {
                input = ByteNav.codeText(f, arg)
            } else {
                return nil
            }
        case "digest(":
            // Web Crypto: crypto.subtle.digest('SHA-256', encoder.encode(password))
            guard ByteNav.codeText(f, max(0, off - 8)..<off).hasSuffix("subtle.") || ByteNav.codeText(f, max(0, off - 8)..<off).hasSuffix("subtle") else { return nil }
            let args = ByteNav.callArgs(f, open: off + len - 1)
            guard args.count >= 2, let v = ByteNav.stringValue(f, args[0]) else { return nil }
            algo = v.lowercased().replacingOccurrences(of: "-", with: "")
            input = ByteNav.codeText(f, args[1])
            if JSRouteScanner.isPlainName(f, args[1]), let def = JSModules.definition(of: input, in: f) { input = ByteNav.codeText(f, def) }
            if !isPasswordish(input) {
                // `const data = encoder.encode(password)` a few lines up
                let before = ByteNav.codeText(f, max(scopeOf().lowerBound, off - 300)..<off)
                if !before.lowercased().contains("password") { return nil }
                input = "password"
            }
        case "hashlib.":
            let id = ByteNav.identifier(at: off + len, in: f)
            algo = f.string(id).lowercased()
            guard ["md5", "sha1", "sha256", "sha512", "sha224", "sha384", "new"].contains(algo) else { return nil }
            let open = ByteNav.skipTrivia(f, id.upperBound)
            guard open < b.count, b[open] == 0x28 else { return nil }
            let args = ByteNav.callArgs(f, open: open)
            input = args.map { ByteNav.codeText(f, $0) }.joined(separator: ",")
            if algo == "new", let v = args.first.flatMap({ ByteNav.stringValue(f, $0) }) { algo = v.lowercased() }
            if input.isEmpty, let u = ByteNav.find(f, ".update(", in: open..<stmtEnd).first { input = ByteNav.codeText(f, u..<stmtEnd) }
        default:
            // md5(password), sha256(password), CryptoJS.MD5(password), SHA256(password)
            if off > 0, ByteClass.isIdentifier(b[off - 1]) { return nil }
            if off > 0, b[off - 1] == 0x2E {
                guard let recv = ByteNav.identifier(endingBefore: off - 1, in: f), ["CryptoJS", "crypto", "hash", "Hash"].contains(f.string(recv)) else { return nil }
            }
            algo = String(lit.dropLast()).lowercased()
            guard let a = ByteNav.callArgs(f, open: off + len - 1).first else { return nil }
            input = ByteNav.codeText(f, a)
        }
        guard ["md5", "sha1", "sha256", "sha512", "sha224", "sha384"].contains(algo) else { return nil }
        guard isPasswordish(input) || isPasswordish(ByteNav.codeText(f, stmtStart..<off)) && !input.lowercased().contains("token") else { return nil }
        let salted = input.lowercased().contains("salt") || stmt.lowercased().contains("salt")
        let name = algo.uppercased().replacingOccurrences(of: "SHA", with: "SHA-")
        return Finding.at(descriptor, rule: "weak-hash", file: f, offset: off, severity: salted && algo.hasPrefix("sha") && algo != "sha1" ? .medium : .high,
                          message: "Passwords are hashed with \(name)\(salted ? "" : " without a salt"). Fast digests are built for speed: a leaked table falls to a GPU in hours\(salted ? "" : ", and identical passwords share a hash (rainbow tables)"). Use bcrypt (cost 12), argon2id or scrypt, and re-hash users on their next login.")
    }

    // MARK: - Stores and comparisons

    /// A plaintext store or comparison at a `password` occurrence; nil when the occurrence is neither.
    private func passwordUse(_ f: ScannedFile, _ off: Int, scope: () -> Range<Int>, preSaveHashing: Bool, app: AppContext) -> (Finding?, String)? {
        let b = f.bytes
        var end = off + 8
        while end < b.count, ByteClass.isIdentifier(b[end]) { end += 1 }
        var start = off
        while start > 0, ByteClass.isIdentifier(b[start - 1]) { start -= 1 }
        let word = f.string(start..<end)
        let lw = word.lowercased()
        guard lw == "password" || lw == "passwordplain" || lw == "plainpassword" || lw == "userpassword" else { return nil }
        let next = ByteNav.skipTrivia(f, end)
        guard next < b.count else { return nil }
        let prev = ByteNav.prevSignificant(f, start)

        // Comparison: `<record>.password === <input>` or `<input> === <record>.password`.
        if let p = prev, b[p] == 0x2E {
            let isEq = next + 1 < b.count && (b[next] == 0x3D || b[next] == 0x21) && b[next + 1] == 0x3D
            let before = ByteNav.prevSignificant(f, ByteNav.memberPath(endingBefore: end, in: f)?.range.lowerBound ?? start)
            let eqBefore = before.map { $0 >= 1 && b[$0] == 0x3D && (b[$0 - 1] == 0x3D || b[$0 - 1] == 0x21) } ?? false
            guard isEq || eqBefore, let member = ByteNav.memberPath(endingBefore: end, in: f) else { return nil }
            let root = member.text.split(separator: ".").first.map(String.init) ?? ""
            if ["req", "request", "body", "form", "values", "data", "input", "credentials", "args", "params", "e", "event", "formData", "state", "this"].contains(root) { return nil }
            // The other operand.
            let other: String
            if isEq {
                var j = next + 2
                if j < b.count, b[j] == 0x3D { j += 1 }
                let s = ByteNav.skipTrivia(f, j)
                other = ByteNav.codeText(f, s..<min(b.count, ByteNav.statementEnd(f, s), s + 120))
            } else {
                other = ByteNav.codeText(f, ByteNav.statementStart(f, member.range.lowerBound)..<member.range.lowerBound)
            }
            if isHashed(other) || other.lowercased().contains("md5(") { return (nil, "compare") }
            guard isPasswordish(other) || other.hasPrefix("'") || other.hasPrefix("\"") else { return nil }
            let inBrowser = ShippedCode.runsInBrowser(f) && f.role != .shared
            return (Finding.at(descriptor, rule: "plaintext-compare", file: f, offset: member.range.lowerBound, severity: .high,
                               message: "`\(member.text)` is compared with \(isEq ? "===" : "==") to the submitted password, so passwords are stored in plaintext\(inBrowser ? " — and here the stored copy is in browser code, readable by anyone" : ""). Store a bcrypt/argon2 hash and check it with bcrypt.compare (constant time)."), "compare")
        }
        // Python comparison `user.password == password`
        if f.language == .python { return pythonPasswordUse(f, start, end, next, scope: scope) }

        // An object property `password: value` or shorthand `{ password }` in a store call.
        guard let p = prev, b[p] == 0x7B || b[p] == 0x2C else { return nil }
        let isShorthand = b[next] == 0x2C || b[next] == 0x7D
        guard b[next] == 0x3A || isShorthand else { return nil }
        var valueText = word
        var valueRange = start..<end
        if !isShorthand {
            let v = ByteNav.skipTrivia(f, next + 1)
            let vEnd = ByteNav.splitTopLevel(f, v..<ByteNav.statementEnd(f, v), separator: 0x2C).first?.upperBound ?? v
            valueRange = v..<vEnd
            valueText = ByteNav.codeText(f, valueRange)
        }
        guard let (callee, isNew, receiver) = storeCallee(f, start) else { return nil }
        // Auth providers hash for you (`supabase.auth.admin.createUser`, `admin.auth().createUser`, Clerk), and
        // SMTP/DB clients take connection passwords, not user passwords.
        let recvL = receiver.lowercased()
        if recvL.contains("auth") || recvL.contains("clerk") || recvL.contains("firebase") || recvL.contains("cognito") || recvL.contains("keycloak") { return nil }
        if isNew && !["user", "account", "customer", "member", "admin", "staff", "employee", "person", "profile", "owner"].contains(where: { callee.lowercased().contains($0) }) { return nil }
        let inBrowser = ShippedCode.runsInBrowser(f) && f.role != .shared
        let storesInBrowser = inBrowser && (callee == "push" || callee == "setItem") && ByteNav.contains(f, "localStorage", in: 0..<b.count)
        let clientDB = inBrowser && ["insert", "upsert", "update", "addDoc", "setDoc", "set", "add"].contains(callee)
        guard storesInBrowser || clientDB || !inBrowser && isServerStore(callee, isNew) else { return nil }
        if case .plain = ByteNav.shape(f, valueRange) { return (nil, "store") }
        if isHashed(valueText) || valueText == "undefined" || valueText == "null" || valueText.hasPrefix("'") && valueText.count < 3 { return (nil, "store") }
        guard isPasswordish(valueText) else { return (nil, "store") }
        let sc = scope()
        let scopeText = ByteNav.codeText(f, sc)
        if hashesInScope(scopeText) { return (nil, "store") }
        if preSaveHashing && (callee == "create" || callee == "save" || isNew) { return (nil, "store") }
        let message: String
        if storesInBrowser {
            message = "User passwords are kept in the browser's localStorage in plaintext. Anyone with the device, an extension or one XSS reads them, and the 'accounts' exist only in this browser. Use a real auth backend (Supabase Auth, Firebase Auth, Clerk) instead of storing credentials client-side."
        } else if clientDB {
            message = "Browser code writes the user's password into a database table (\(callee)) in plaintext, with its own users table instead of an auth service. Anyone who can read that table sees every password. Use Supabase/Firebase Auth sign-up, or hash on a server with bcrypt/argon2."
        } else {
            message = "The password is stored as received (`\(JSRouteScanner.clip(valueText))` in \(callee)()), with no hashing in this function. One database leak exposes every user's password. Hash it first: `await bcrypt.hash(password, 12)` (or argon2id) and store only the hash."
        }
        return (Finding.at(descriptor, rule: "plaintext-password", file: f, offset: isShorthand ? start : valueRange.lowerBound, severity: .high, message: message), "store")
    }

    private func hashesInScope(_ text: String) -> Bool {
        let l = text.lowercased()
        return ["bcrypt.hash", "bcrypt.hashsync", "argon2.hash", "hashpassword(", "hash_password(", "scrypt", "pbkdf2", "generate_password_hash", "make_password",
                "hash(password", "hash(data.password", "hash(input.password", "hash(req.body.password", "passlib", ".hash("].contains { l.contains($0) }
    }

    private func isServerStore(_ callee: String, _ isNew: Bool) -> Bool {
        if isNew { return true }
        return ["create", "createUser", "insert", "insertOne", "insertMany", "values", "upsert", "save", "push", "createOne", "build", "addUser", "registerUser",
                "createAccount", "insertUser", "saveUser"].contains(callee)
    }

    /// The call that receives the object literal containing `offset` (walking out through `data:`/`values:` wrappers):
    /// its name, whether it is a constructor, and the receiver chain before it.
    private func storeCallee(_ f: ScannedFile, _ offset: Int) -> (String, Bool, String)? {
        var at = offset
        for _ in 0..<4 {
            guard let brace = enclosingOpen(f, at), f.bytes[brace] == 0x7B else { return nil }
            guard let p = ByteNav.prevSignificant(f, brace) else { return nil }
            let c = f.bytes[p]
            if c == 0x28 || c == 0x5B || c == 0x2C && isArgList(f, p) {
                let open = c == 0x28 ? p : (enclosingOpen(f, p) ?? p)
                if f.bytes[open] == 0x5B {
                    // `[...users, { email, password }]` or `users.push({…})`
                    at = open
                    continue
                }
                guard let id = ByteNav.identifier(endingBefore: open, in: f) else { return nil }
                let name = f.string(id)
                let isNew = ByteNav.identifier(endingBefore: id.lowerBound, in: f).map { f.string($0) == "new" } ?? false
                var receiver = ""
                if let m = ByteNav.memberPath(endingBefore: open, in: f) { receiver = m.text }
                // `admin.auth().createUser(…)`: a call in the chain.
                receiver += ByteNav.codeText(f, ByteNav.statementStart(f, open)..<open)
                return (name, isNew, receiver)
            }
            if c == 0x3A {
                // `data: { … }`, `values: { … }` inside an outer object.
                at = p
                continue
            }
            return nil
        }
        return nil
    }

    private func isArgList(_ f: ScannedFile, _ comma: Int) -> Bool {
        guard let open = enclosingOpen(f, comma) else { return false }
        return f.bytes[open] == 0x28
    }

    private func enclosingOpen(_ f: ScannedFile, _ offset: Int) -> Int? {
        var i = offset - 1
        var depth = 0
        while i >= 0 && offset - i < 4000 {
            if let reg = ByteNav.region(f, at: i) { i = Int(reg.start) - 1; continue }
            let c = f.bytes[i]
            if ByteNav.isClose(c) { depth += 1 } else if ByteNav.isOpen(c) {
                if depth == 0 { return i }
                depth -= 1
            }
            i -= 1
        }
        return nil
    }

    private func pythonPasswordUse(_ f: ScannedFile, _ start: Int, _ end: Int, _ next: Int, scope: () -> Range<Int>) -> (Finding?, String)? {
        let b = f.bytes
        // `password=request.form['password']` keyword argument in a model constructor / create.
        if b[next] == 0x3D, next + 1 < b.count, b[next + 1] != 0x3D, let p = ByteNav.prevSignificant(f, start), b[p] == 0x28 || b[p] == 0x2C {
            let v = ByteNav.skipTrivia(f, next + 1)
            let vEnd = ByteNav.splitTopLevel(f, v..<ByteNav.pythonLogicalLineEnd(f, v), separator: 0x2C).first?.upperBound ?? v
            let value = ByteNav.codeText(f, v..<vEnd)
            if isHashed(value) || !isPasswordish(value) && !ShippedCode.readsInput(value) { return (nil, "store") }
            if case .plain = ByteNav.shape(f, v..<vEnd) { return nil }
            let sc = scope()
            if hashesInScope(ByteNav.codeText(f, sc)) { return (nil, "store") }
            let callee = enclosingCallName(f, start)
            guard let c = callee, c.first?.isUppercase == true || ["create", "insert", "add", "create_user", "objects.create"].contains(where: { c.hasSuffix($0) }) else { return nil }
            return (Finding.at(descriptor, rule: "plaintext-password", file: f, offset: start, severity: .high,
                               message: "The password goes into \(c)(…) as received, with no hashing in this function, so it is stored in plaintext. Store generate_password_hash(password) / make_password(password) / bcrypt instead."), "store")
        }
        // `user.password == password` handled by the member branch; `password == user.password` here.
        if b[next] == 0x3D || b[next] == 0x21, next + 1 < b.count, b[next + 1] == 0x3D {
            let s = ByteNav.skipTrivia(f, next + 2)
            let other = ByteNav.memberPath(startingAt: s, in: f).text
            guard other.hasSuffix(".password"), !["request", "form", "data"].contains(String(other.split(separator: ".").first ?? "")) else { return nil }
            return (Finding.at(descriptor, rule: "plaintext-compare", file: f, offset: start, severity: .high,
                               message: "The submitted password is compared with == to `\(other)`, so passwords are stored in plaintext. Store a hash and check it with check_password_hash / bcrypt.checkpw."), "compare")
        }
        return nil
    }

    private func enclosingCallName(_ f: ScannedFile, _ at: Int) -> String? {
        guard let open = enclosingOpen(f, at), f.bytes[open] == 0x28, let m = ByteNav.memberPath(endingBefore: open, in: f) else { return nil }
        return m.text
    }
}
