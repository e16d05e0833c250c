import Foundation

/// G3.D3: uploads are restricted by size and type where the restriction cannot be bypassed, and
/// stored with access control. Upload sites: multer/busboy/formidable/express-fileupload, server
/// `formData()` reading a File, Supabase/Firebase Storage uploads, S3 PutObject and presigned
/// posts, UploadThing routers, Cloudinary uploads, Flask/Django/FastAPI file handlers. A server
/// site is restricted by checks in its own file (multer `limits.fileSize`, `fileFilter`,
/// `file.size`, mimetype allow-lists, `MAX_CONTENT_LENGTH`); a browser upload straight to storage
/// only by the bucket (`file_size_limit`, `allowed_mime_types` in a migration, storage policies,
/// Firebase `storage.rules`): checks in the browser, `accept=` included, are noted as bypassable.
/// Public buckets or `getPublicUrl` for buckets that hold private documents are high. Not
/// measured when the app has no upload.
public struct UploadRestrictionsCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G3.D3", slug: "upload-restrictions", kind: .diagnostic, methods: "S",
        measures: "uploads restricted by size and type, stored with access control",
        severity: .medium, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample("src/pages/Records.tsx", """
                import { supabase } from "@/lib/supabase";
                export default function Records() {
                  const onFile = async (file: File) => {
                    await supabase.storage.from("medical-records").↓upload(`${user.id}/${file.name}`, file);
                    const { data } = supabase.storage.from("medical-records").getPublicUrl(`${user.id}/${file.name}`);
                    setUrl(data.publicUrl);
                  };
                  return <input type="file" onChange={(e) => onFile(e.target.files![0])} />;
                }
                """, note: "browser upload with no limits into a public bucket of medical records"),
            CollectorExample("server/routes/avatar.js", """
                const multer = require('multer');
                const upload = ↓multer({ dest: 'uploads/' });
                router.post('/avatar', upload.single('avatar'), (req, res) => res.json({ path: req.file.path }));
                """, note: "multer with no limits and no file filter"),
            CollectorExample("app.py", """
                @app.route("/upload", methods=["POST"])
                def upload():
                    f = ↓request.files["file"]
                    f.save(os.path.join("uploads", f.filename))
                    return "ok"
                """, note: "Flask upload without MAX_CONTENT_LENGTH or an extension check"),
            CollectorExample("src/components/Upload.tsx", """
                export function Upload() {
                  const onFile = async (file: File) => {
                    if (file.size > 5_000_000) return toast("Too big");
                    await supabase.storage.from("avatars").↓upload(`a/${file.name}`, file);
                  };
                  return <input type="file" accept="image/*" onChange={(e) => onFile(e.target.files![0])} />;
                }
                """, note: "size and type checked only in the browser"),
        ],
        nonTriggering: [
            CollectorExample("server/routes/avatar.js", """
                const multer = require('multer');
                const upload = multer({
                  storage: multer.memoryStorage(),
                  limits: { fileSize: 2 * 1024 * 1024 },
                  fileFilter: (req, file, cb) => cb(null, ['image/png', 'image/jpeg'].includes(file.mimetype)),
                });
                """, note: "multer with a size limit and a mimetype allow-list"),
            CollectorExample([
                "supabase/migrations/20260101_storage.sql": """
                    insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
                    values ('receipts', 'receipts', false, 5242880, array['application/pdf', 'image/png']);
                    """,
                "src/pages/Receipts.tsx": """
                    export default function Receipts() {
                      const onFile = async (file: File) => {
                        await supabase.storage.from("receipts").upload(`${user.id}/${file.name}`, file);
                        const { data } = await supabase.storage.from("receipts").createSignedUrl(`${user.id}/${file.name}`, 60);
                      };
                      return <input type="file" onChange={(e) => onFile(e.target.files![0])} />;
                    }
                    """,
            ], note: "a private bucket with size and type limits set in a migration, read through signed URLs"),
            CollectorExample("app/api/uploadthing/core.ts", """
                import { createUploadthing } from "uploadthing/next";
                const f = createUploadthing();
                export const router = { avatar: f({ image: { maxFileSize: "2MB", maxFileCount: 1 } }).onUploadComplete(() => {}) };
                """, note: "UploadThing route with a file type and maxFileSize"),
            CollectorExample("src/pages/Import.tsx", """
                export default function Import() {
                  // await supabase.storage.from("x").upload(path, file)
                  const onFile = (file: File) => file.text().then(parseCsv);
                  return <input type="file" accept=".csv" onChange={(e) => onFile(e.target.files![0])} />;
                }
                """, note: "a file read in the browser is not an upload; the upload is commented out"),
            CollectorExample("supabase/functions/generate-image/index.ts", """
                serve(async (req) => {
                  const img = await fetch(resultUrl).then((r) => r.arrayBuffer());
                  await supabase.storage.from("generated").upload(`${crypto.randomUUID()}.png`, img, { contentType: "image/png" });
                  return new Response("ok");
                });
                """, note: "the server storing content it generated is not a user upload"),
        ])

    private static let sizeTokens = ["filesize", "maxfilesize", "max_file_size", "maxsize", "max_size", "max_content_length", "file_size_limit",
                                     "filesizelimit", "sizelimit", "size_limit", "content-length-range", "contentlength", "content_length",
                                     ".size >", ".size>", ".size <", ".size<", "size >=", "size <=", "size > ", "size < ", "upload_max", "max_upload",
                                     "maxbytes", "max_bytes", "request.resource.size", "upload_max_memory_size", "bytes_limit", "maxfilecount"]
    private static let typeTokens = ["mimetype", "mime_type", "allowed_mime_types", "allowedmimetypes", "filefilter", "file.type", ".type.startswith",
                                     "allowedtypes", "allowed_types", "accepted_types", "acceptedtypes", "allowed_extensions", "allowedextensions",
                                     "allowed_file", "extname(", ".endswith(", "content_type in", "content_type not in", "content_type.startswith",
                                     "contenttype.startswith", "contenttype.matches", "allowed_formats", "filetypefrombuffer", "file-type",
                                     "fileextensionvalidator", "image/jpeg", "image/png", "application/pdf", "image/*", "storage.extension("]
    private static let sensitiveWords = ["document", "invoice", "receipt", "medical", "record", "report", "prescription", "passport", "kyc",
                                         "identity", "license", "licence", "contract", "statement", "payslip", "salary", "tax", "private",
                                         "resume", "attachment", "lab", "xray", "x-ray", "health", "insurance", "bank", "legal", "confidential",
                                         "personal", "id-card", "idcard", "verification", "claims"]

    public var rules: [PatternRule] {
        ModuleRef.rule("G3.D3/import") + [
            PatternRule(id: "G3.D3/upload", literals: ["multer(", "busboy(", "Busboy(", "formidable(", "IncomingForm(", "formData()", ".upload(",
                                                       "PutObjectCommand", "createPresignedPost(", "uploadBytes(", "uploadBytesResumable(", "uploadString(",
                                                       "request.files", "UploadFile", "request.FILES", "createUploadthing(", "fileUpload(", "uploader.upload"],
                        regions: .code, languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte],
                        regexEquivalent: #"multer\(|[Bb]usboy\(|formidable\(|formData\(\)|\.upload\(|PutObjectCommand|createPresignedPost\(|uploadBytes(Resumable)?\(|request\.(files|FILES)|UploadFile|createUploadthing\("#),
            PatternRule(id: "G3.D3/limits", literals: ["storage.extension(", "metadata->>'mimetype'", "metadata->>'size'", "metadata ->> 'size'",
                                                       "MAX_CONTENT_LENGTH", "DATA_UPLOAD_MAX_MEMORY_SIZE", "FILE_UPLOAD_MAX_MEMORY_SIZE", "bodySizeLimit"],
                        regions: .live, regexEquivalent: #"storage\.extension\(|metadata\s*->>\s*'(mimetype|size)'|MAX_CONTENT_LENGTH|(DATA|FILE)_UPLOAD_MAX_MEMORY_SIZE|bodySizeLimit"#),
            PatternRule(id: "G3.D3/bucket", literals: ["storage.buckets", "createBucket(", "updateBucket("], caseSensitive: false, regions: .live,
                        regexEquivalent: #"(?i)storage\.buckets|(create|update)Bucket\("#),
        ]
    }

    private struct Site {
        var file: ScannedFile
        var offset: Int
        var what: String
        var server: Bool
        var bucket: String?
    }

    private struct Bucket {
        var isPublic: Bool?
        var sizeLimit = false
        var typeLimit = false
        var path: String
        var offset: Int
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let sides = SideMap.shared(app, importRule: "G3.D3/import")
        var sites: [Site] = []
        for (f, h) in G3Scan.hits(app, "G3.D3/upload") where G3Scan.isAppCode(f) {
            let side = sides.side(f)
            guard side.isApp, let site = classify(f, hit: h, side: side) else { continue }
            // Several multer instances in one file (one limited, one not) are judged one by one.
            if site.what != "multer", sites.contains(where: { $0.file.path == f.path && $0.bucket == site.bucket && $0.server == site.server }) { continue }
            sites.append(site)
        }
        guard !sites.isEmpty else { return .notMeasured(d.id, "the app has no file upload") }

        let buckets = readBuckets(app)
        var policyTokens = false, globalServerSize = false
        for (f, _) in G3Scan.hits(app, "G3.D3/limits") where f.role != .test && f.role != .docs {
            if f.role == .schema { policyTokens = true } else { globalServerSize = true }
        }
        let fbRules = app.files.first { $0.path.lowercased().hasSuffix("storage.rules") }

        var findings: [Finding] = []
        var restrictedSize = 0, restrictedType = 0
        for s in sites {
            let f = s.file
            let whole = G3Scan.whole(f)
            var inFileSize = G3Scan.containsAny(f, Self.sizeTokens, in: whole)
            var inFileType = G3Scan.containsAny(f, Self.typeTokens, in: whole)
            // A multer instance is restricted by its own options, not by a sibling instance's in the same file.
            let siblings = sites.filter { $0.what == "multer" && $0.file.path == f.path && $0.offset != s.offset }
            if s.what == "multer", !siblings.isEmpty, let paren = G3Scan.nextParen(f, from: s.offset, within: 10) {
                let own = G3Scan.callSpan(f, paren: paren)
                let otherSpans = siblings.compactMap { o in G3Scan.nextParen(f, from: o.offset, within: 10).map { G3Scan.callSpan(f, paren: $0) } }
                let outside: [Range<Int>] = {
                    var rs: [Range<Int>] = [], start = 0
                    for r in otherSpans.sorted(by: { $0.lowerBound < $1.lowerBound }) { if r.lowerBound > start { rs.append(start..<r.lowerBound) }; start = max(start, r.upperBound) }
                    if start < f.bytes.count { rs.append(start..<f.bytes.count) }
                    return rs
                }()
                _ = own
                inFileSize = outside.contains { G3Scan.containsAny(f, Self.sizeTokens, in: $0) }
                inFileType = outside.contains { G3Scan.containsAny(f, Self.typeTokens, in: $0) }
            }
            var serverSize: Bool, serverType: Bool
            let b = s.bucket.flatMap { buckets[$0] }
            if s.server {
                serverSize = inFileSize || globalServerSize || (b?.sizeLimit ?? false)
                serverType = inFileType || (b?.typeLimit ?? false) || (s.what == "UploadThing" && !G3Scan.contains(f, "blob", in: whole))
            } else {
                serverSize = (b?.sizeLimit ?? false) || policyTokens || (fbRules.map { G3Scan.contains($0, "request.resource.size", in: G3Scan.whole($0)) } ?? false)
                serverType = (b?.typeLimit ?? false) || policyTokens || (fbRules.map { G3Scan.contains($0, "contentType", in: G3Scan.whole($0)) } ?? false)
            }
            if serverSize { restrictedSize += 1 } else if !s.server && inFileSize {
                findings.append(Finding.at(d, rule: "size-check-client-only", file: f, offset: s.offset, severity: .low,
                    message: "The file size is only checked in the browser; anyone calling the \(s.what) API directly can upload files of any size. Enforce it where the upload lands: the bucket's file_size_limit (in a migration) or a server route with a size limit."))
            } else {
                findings.append(Finding.at(d, rule: "no-size-limit", file: f, offset: s.offset,
                    message: "This \(s.what) upload has no size limit. A single user can fill storage or exhaust memory and bandwidth with huge files. Set a limit where it is enforced (\(s.server ? "multer limits.fileSize, a size check before storing, MAX_CONTENT_LENGTH" : "the bucket's file_size_limit in a migration"))."))
            }
            if serverType { restrictedType += 1 } else if !s.server && inFileType {
                let acceptOnly = G3Scan.contains(f, "accept=", in: whole) && !G3Scan.containsAny(f, ["file.type", ".type.startswith", "mimetype", "allowedtypes"], in: whole)
                findings.append(Finding.at(d, rule: "type-check-client-only", file: f, offset: s.offset, severity: .low,
                    message: "The file type is only restricted in the browser\(acceptOnly ? " (an accept= attribute, which only filters the file picker)" : ""); the \(s.what) API accepts any file sent to it directly. Set allowed_mime_types on the bucket or check the type on the server."))
            } else {
                findings.append(Finding.at(d, rule: "no-type-restriction", file: f, offset: s.offset,
                    message: "This \(s.what) upload accepts any file type. HTML or SVG files served back from your domain run scripts, and executables spread malware. Allow-list types where it is enforced (\(s.server ? "fileFilter/mimetype check or extension allow-list on the server" : "the bucket's allowed_mime_types"))."))
            }
            if let name = s.bucket, isSensitive(name) {
                let publicURL = G3Scan.contains(f, "getPublicUrl(", in: whole, regions: .code)
                if b?.isPublic == true || publicURL {
                    findings.append(Finding.at(d, rule: "public-sensitive-files", file: f, offset: s.offset, severity: .high,
                        message: "Files in \"\(name)\" look private (documents, records, receipts) but are served \(b?.isPublic == true ? "from a public bucket" : "through getPublicUrl"): anyone with or guessing the URL can read them, with no expiry. Make the bucket private, add storage policies per owner, and hand out createSignedUrl links."))
                }
            }
        }
        for (name, b) in buckets where isSensitive(name) && b.isPublic == true && !sites.contains(where: { $0.bucket == name }) {
            guard let f = app.file(b.path) else { continue }
            findings.append(Finding.at(d, rule: "public-sensitive-bucket", file: f, offset: b.offset, severity: .high,
                message: "The bucket \"\(name)\" is public but its name says it holds private files; every object in it is readable by URL. Make it private and serve signed URLs."))
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("upload sites", sites.count), Evidence("size-limited where enforced", restrictedSize),
                                       Evidence("type-restricted where enforced", restrictedType),
                                       Evidence("buckets declared", buckets.keys.sorted().joined(separator: ", "))])
    }

    private func isSensitive(_ name: String) -> Bool {
        let l = name.lowercased()
        return Self.sensitiveWords.contains { l.contains($0) }
    }

    private func classify(_ f: ScannedFile, hit h: RuleHit, side: CodeSide) -> Site? {
        let o = Int(h.offset)
        let lit = f.string(o..<Int(h.offset + h.length))
        let server = side.mayRunOnServer
        let b = f.bytes
        switch lit {
        case "multer(", "busboy(", "Busboy(", "formidable(", "IncomingForm(", "fileUpload(":
            guard server else { return nil }
            if lit == "multer(" && o > 0 && b[o - 1] == 0x2E { return nil }
            return Site(file: f, offset: o, what: lit.dropLast().description, server: true, bucket: nil)
        case "formData()":
            guard server, G3Scan.containsAny(f, ["File", "arrayBuffer", "blob"], in: G3Scan.whole(f), caseInsensitive: false, regions: .code) else { return nil }
            guard G3Scan.containsAny(f, ["instanceof File", "as File", ".arrayBuffer()", "as Blob", ": File"], in: G3Scan.whole(f), caseInsensitive: false) else { return nil }
            return Site(file: f, offset: o, what: "multipart form", server: true, bucket: nil)
        case ".upload(":
            let stmt = G3Scan.statement(f, around: o, radius: 300)
            let pre = stmt.lowerBound..<o
            guard G3Scan.containsAny(f, ["storage", ".from(", "uploader", "s3", "bucket"], in: pre, regions: .code) else { return nil }
            var bucket: String?
            if let fr = G3Scan.find(f, ".from(", in: pre, regions: .code) {
                let q = G3Scan.skipSpaces(b, fr + 6)
                bucket = G3Scan.stringLiteral(b, at: q)?.text
            }
            let what = G3Scan.contains(f, "uploader", in: pre) ? "Cloudinary" : G3Scan.contains(f, ".from(", in: pre) ? "Supabase Storage" : "storage"
            let onServer = server && side != .both
            // On the server, only files that arrive in the request are user uploads (not generated or downloaded content).
            if onServer && !receivesFile(f) { return nil }
            return Site(file: f, offset: o + 1, what: what, server: onServer, bucket: bucket)
        case "PutObjectCommand", "createPresignedPost(":
            guard server else { return nil }
            return Site(file: f, offset: o, what: "S3", server: true, bucket: nil)
        case "uploadBytes(", "uploadBytesResumable(", "uploadString(":
            return Site(file: f, offset: o, what: "Firebase Storage", server: server && side != .both, bucket: nil)
        case "request.files", "request.FILES", "UploadFile":
            guard f.language == .python else { return nil }
            return Site(file: f, offset: o, what: lit == "UploadFile" ? "FastAPI" : "form", server: true, bucket: nil)
        case "createUploadthing(":
            return Site(file: f, offset: o, what: "UploadThing", server: true, bucket: nil)
        case "uploader.upload":
            guard server else { return nil }
            return Site(file: f, offset: o, what: "Cloudinary", server: true, bucket: nil)
        default:
            return nil
        }
    }

    private func receivesFile(_ f: ScannedFile) -> Bool {
        let w = G3Scan.whole(f)
        if G3Scan.containsAny(f, ["formData()", "req.file", "request.files", "request.FILES", "UploadFile", "multer", "busboy", "formidable"], in: w, caseInsensitive: false, regions: .code) {
            return true
        }
        return G3Scan.containsAny(f, [".json()", "req.body", "request.body"], in: w, caseInsensitive: false, regions: .code)
            && G3Scan.containsAny(f, ["atob(", "decodeBase64", "base64ToUint8", "Buffer.from("], in: w, caseInsensitive: false, regions: .code)
            && !G3Scan.containsAny(f, ["b64_json", "arrayBuffer()"], in: w, caseInsensitive: false, regions: .code)
    }

    /// Buckets declared in SQL (`insert into storage.buckets (…) values (…)`) or code (`createBucket('x', { public, fileSizeLimit, allowedMimeTypes })`).
    private func readBuckets(_ app: AppContext) -> [String: Bucket] {
        var out: [String: Bucket] = [:]
        for (f, h) in G3Scan.hits(app, "G3.D3/bucket") where f.role != .test && f.role != .docs {
            let o = Int(h.offset)
            let lit = f.string(o..<Int(h.offset + h.length)).lowercased()
            if lit.hasSuffix("bucket(") {
                let span = G3Scan.callSpan(f, paren: o + Int(h.length) - 1)
                guard let q = G3Scan.find(f, "'", in: span) ?? G3Scan.find(f, "\"", in: span), let name = G3Scan.stringLiteral(f.bytes, at: q)?.text else { continue }
                var bk = out[name] ?? Bucket(path: f.path, offset: o)
                if G3Scan.containsAny(f, ["public: true", "public:true"], in: span) { bk.isPublic = true }
                if G3Scan.containsAny(f, ["public: false", "public:false"], in: span) { bk.isPublic = false }
                if G3Scan.containsAny(f, ["filesizelimit"], in: span) { bk.sizeLimit = true }
                if G3Scan.containsAny(f, ["allowedmimetypes"], in: span) { bk.typeLimit = true }
                out[name] = bk
                continue
            }
            guard f.language == .sql else { continue }
            // statement up to the next `;`
            var e = o
            while e < f.bytes.count && !(f.bytes[e] == 0x3B && f.kind(at: e) == .code) { e += 1 }
            let text = f.string(o..<e)
            let low = text.lowercased()
            guard low.contains("values") || low.hasPrefix("storage.buckets set") || low.contains(" set ") else { continue }
            guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { continue }
            let cols = text[text.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
            guard let vr = low.range(of: "values") else { continue }
            var valuesText = String(text[vr.upperBound...])
            for stop in [" on conflict", "\non conflict", " returning", " where "] {
                if let r = valuesText.lowercased().range(of: stop) { valuesText = String(valuesText[..<r.lowerBound]) }
            }
            for tuple in tuples(valuesText) {
                var bk = Bucket(path: f.path, offset: o)
                var name: String?
                for (i, v) in tuple.enumerated() where i < cols.count {
                    let val = v.trimmingCharacters(in: .whitespacesAndNewlines)
                    let bare = val.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
                    switch cols[i] {
                    case "id": name = bare
                    case "name": if name == nil { name = bare }
                    case "public": bk.isPublic = bare.lowercased() == "true"
                    case "file_size_limit": bk.sizeLimit = bare.lowercased() != "null" && !bare.isEmpty
                    case "allowed_mime_types": bk.typeLimit = bare.lowercased() != "null" && !bare.isEmpty
                    default: break
                    }
                }
                if let name { out[name] = bk }
            }
        }
        return out
    }

    /// Top-level `( … )` groups of a VALUES list, split on top-level commas.
    private func tuples(_ s: String) -> [[String]] {
        var out: [[String]] = []
        var depth = 0
        var cur = ""
        var fields: [String] = []
        var inQuote = false
        for ch in s {
            if ch == "'" { inQuote.toggle() }
            if !inQuote {
                if ch == "(" || ch == "[" {
                    depth += 1
                    if depth == 1 && ch == "(" { cur = ""; fields = []; continue }
                }
                if ch == ")" || ch == "]" {
                    depth -= 1
                    if depth == 0 && ch == ")" {
                        fields.append(cur)
                        out.append(fields)
                        cur = ""
                        continue
                    }
                }
                if ch == "," && depth == 1 {
                    fields.append(cur)
                    cur = ""
                    continue
                }
                if depth == 0 && ch == ";" { break }
            }
            if depth >= 1 { cur.append(ch) }
        }
        return out
    }
}

