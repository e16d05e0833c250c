/// The shape of an array literal: how many object literals it holds and how entity-like they are.
struct G1ArrayShape: Sendable {
    var open: Int
    var close: Int
    var objects: Int
    /// Objects with at least two record-like keys, one of them a strong one (id, email, status, date, amount, …).
    var entityObjects: Int
    /// Objects that look like navigation, marketing or select-option content (href, icon, quote, value+label, …).
    var contentObjects: Int
    /// Keys seen across the objects, lower-cased, in first-seen order.
    var keys: [String]
    /// Objects with a record-specific field (author, price, company, …) and another record key, not content.
    var looseObjects = 0
    /// Chart points and KPI tiles: a numeric value with a period key (month, day, …) or a trend key (change, delta, …).
    var seriesObjects = 0
    /// Objects with at least one numeric value (a number or a figure such as "$1,284" or "87%").
    var numericObjects = 0
    /// Objects of a pricing table or plan list (price + features/plan/tier/cta).
    var pricingObjects = 0

    /// Three or more record-like objects, mostly record-like, not navigation or marketing content.
    var isEntityList: Bool { entityObjects >= 3 && entityObjects * 3 >= objects * 2 && contentObjects * 2 < objects }
    /// At least two record-like objects (seed data for a stateful list).
    var isSeedList: Bool { entityObjects >= 2 && entityObjects * 3 >= objects * 2 && contentObjects * 2 < objects }
    /// Three or more chart points or KPI tiles with invented figures.
    var isSeriesList: Bool { seriesObjects >= 3 && seriesObjects * 3 >= objects * 2 && contentObjects == 0 && pricingObjects == 0 }
    /// Three or more objects that read as records of some business entity (entity or loose record shape).
    var isRecordList: Bool {
        entityObjects + looseObjects >= 3 && (entityObjects + looseObjects) * 3 >= objects * 2 && contentObjects * 2 < objects && pricingObjects == 0
    }
    /// Three or more objects that each carry a figure (for chart `data=` props).
    var isFigureList: Bool { numericObjects >= 3 && numericObjects * 3 >= objects * 2 && contentObjects == 0 && pricingObjects == 0 }
}

/// Recognises record-like data in code: arrays of entity objects, entity names, storage keys,
/// and calls that reach a backend.
enum G1Data {
    static let strongKeys: Set<String> = [
        "id", "uuid", "_id", "email", "status", "createdat", "created_at", "updatedat", "updated_at", "date", "phone", "userid", "user_id",
        "customerid", "customer_id", "amount", "total", "quantity", "qty", "stock", "sku", "duedate", "due_date", "assignee", "assigneeid",
        "orderid", "order_id", "invoiceid", "patientid", "doctorid", "balance", "username", "timestamp", "starttime", "start_time", "endtime",
        "priority", "completed", "done", "slot", "fee", "salary", "grade", "dob", "birthdate", "ticketid", "department", "paid", "unpaid",
        "deadline", "checkin", "checkout", "startdate", "enddate", "start_date", "end_date", "time", "age", "address",
    ]
    static let weakKeys: Set<String> = [
        "name", "title", "description", "price", "category", "type", "image", "author", "customer", "patient", "doctor", "location", "subject",
        "body", "content", "rating", "tags", "role", "avatar", "notes", "company", "position", "specialty", "firstname", "lastname",
        "first_name", "last_name", "fullname", "full_name", "brand", "duration", "level", "progress", "preview", "message", "reviews", "score",
    ]
    static let contentKeys: Set<String> = ["href", "to", "path", "route", "link", "icon", "quote", "testimonial", "question", "answer", "emoji", "cta"]
    /// Weak keys that name a field of a particular kind of record, not generic copy (title, description, image).
    static let specificKeys: Set<String> = [
        "author", "price", "customer", "patient", "doctor", "location", "rating", "company", "position", "specialty", "brand", "duration",
        "progress", "reviews", "score", "firstname", "lastname", "first_name", "last_name", "fullname", "full_name", "guest", "room", "isbn",
        "publisher", "genre", "client", "vendor", "supplier", "owner", "organizer", "venue", "instructor", "teacher", "student", "team",
        "project", "account", "plan", "unit", "host",
    ]
    static let proseKeys: Set<String> = ["text", "content", "comment", "review", "feedback", "bio"]
    static let personaKeys: Set<String> = ["role", "rating", "avatar", "company", "position", "stars"]
    static let periodKeys: Set<String> = ["month", "day", "week", "date", "quarter", "year", "period", "hour", "time", "weekday", "dayofweek"]
    static let trendKeys: Set<String> = ["change", "trend", "delta", "growth", "diff", "increase", "decrease", "changetype", "percentchange", "trenddirection"]
    static let pricingKeys: Set<String> = ["features", "plan", "tier", "cta", "popular", "highlighted", "recommended", "billing", "interval", "period_label"]

    /// Parses the array literal whose `[` is at `open`.
    static func arrayShape(_ file: ScannedFile, open: Int) -> G1ArrayShape? {
        let b = file.bytes
        guard open < b.count, b[open] == 0x5B, let close = ProdText.matchingClose(file, open: open, limit: 300_000) else { return nil }
        var shape = G1ArrayShape(open: open, close: close, objects: 0, entityObjects: 0, contentObjects: 0, keys: [])
        var i = open + 1
        while i < close {
            i = skipTrivia(file, from: i, to: close)
            guard i < close else { break }
            if b[i] == 0x7B, let oc = ProdText.matchingClose(file, open: i) {
                var figures = 0
                let keys = objectKeys(file, open: i, close: oc, figures: &figures)
                shape.objects += 1
                let ks = Set(keys)
                let strong = ks.intersection(strongKeys).count
                let weak = ks.intersection(weakKeys).count
                // `{ label, value }` is a select option, unless a trend key makes it a KPI tile (`{ label, value: "$12k", change: "+8%" }`).
                let content = !ks.intersection(contentKeys).isEmpty
                    || ks.contains("label") && (ks.contains("value") && ks.isDisjoint(with: trendKeys) || ks.contains("href"))
                let pricing = ks.contains("price") && !ks.isDisjoint(with: pricingKeys)
                if pricing { shape.pricingObjects += 1 }
                if figures > 0 { shape.numericObjects += 1 }
                if content { shape.contentObjects += 1 } else if strong >= 1 && strong + weak >= 2 { shape.entityObjects += 1 } else if !pricing {
                    // `{ name, role, rating, text }` is a testimonial: marketing copy, not a record.
                    let testimonial = !ks.isDisjoint(with: proseKeys) && !ks.isDisjoint(with: personaKeys)
                    if !ks.isDisjoint(with: specificKeys) && strong + weak >= 2 && !testimonial { shape.looseObjects += 1 }
                    if figures > 0 && !ks.contains("price") && (!ks.isDisjoint(with: periodKeys) || !ks.isDisjoint(with: trendKeys)) { shape.seriesObjects += 1 }
                }
                for k in keys where !shape.keys.contains(k) { shape.keys.append(k) }
                i = oc + 1
            } else if b[i] == 0x5B || b[i] == 0x28, let c = ProdText.matchingClose(file, open: i) {
                i = c + 1
            } else {
                i = nextComma(file, from: i, to: close)
            }
        }
        return shape
    }

    /// Keys at the top level of the object literal `{…}`: `key:`, `"key":`, shorthand `key,`.
    static func objectKeys(_ file: ScannedFile, open: Int, close: Int) -> [String] {
        var figures = 0
        return objectKeys(file, open: open, close: close, figures: &figures)
    }

    /// Keys of the object literal, counting in `figures` the values that are numbers or figure strings ("$1,284", "87%", "+4.1%").
    static func objectKeys(_ file: ScannedFile, open: Int, close: Int, figures: inout Int) -> [String] {
        let b = file.bytes
        var keys: [String] = []
        var i = open + 1
        while i < close {
            i = skipTrivia(file, from: i, to: close)
            guard i < close else { break }
            var key = ""
            var after = i
            if let ri = ProdText.regionIndex(file, containing: i), file.regions[ri].kind == .string {
                key = ProdText.stringContent(file, region: file.regions[ri])
                after = Int(file.regions[ri].end)
            } else if ProdText.isIdent(b[i]) {
                key = ProdText.identifier(b, at: i)
                after = i + key.utf8.count
            }
            let n = ProdText.skipSpace(b, from: after)
            if !key.isEmpty && n < close && (b[n] == 0x3A || b[n] == 0x2C || b[n] == 0x7D) || !key.isEmpty && n == close {
                keys.append(key.lowercased())
                if n < close && b[n] == 0x3A && isFigure(file, at: ProdText.skipSpace(b, from: n + 1), limit: close) { figures += 1 }
            }
            i = nextComma(file, from: i, to: close)
        }
        return keys
    }

    /// Keys of the object literal `{…}` whose values are collections (`users: []`, `sessions: new Map()`).
    static func collectionProperties(_ file: ScannedFile, open: Int, close: Int) -> [String] {
        let b = file.bytes
        var out: [String] = []
        var i = open + 1
        while i < close {
            i = skipTrivia(file, from: i, to: close)
            guard i < close else { break }
            if ProdText.isIdent(b[i]) {
                let key = ProdText.identifier(b, at: i)
                let colon = ProdText.skipSpace(b, from: i + key.utf8.count)
                if colon < close && b[colon] == 0x3A {
                    let v = ProdText.skipSpace(b, from: colon + 1)
                    if v < close && (b[v] == 0x5B || ProdText.has(b, at: v, "new Map(") || ProdText.has(b, at: v, "new Set(")) { out.append(key) }
                }
            }
            i = nextComma(file, from: i, to: close)
        }
        return out
    }

    /// A number literal (`4200`, `-3.5`) or a short string that is a figure: digits with at most a currency sign,
    /// sign, separators, `%` or a `k`/`M` suffix before prose (`"$48,920"`, `"87%"`, `"+12.5% from last month"`).
    static func isFigure(_ file: ScannedFile, at v: Int, limit: Int) -> Bool {
        let b = file.bytes
        guard v < limit else { return false }
        var i = v
        if b[i] == 0x2D { i += 1 }
        if i < limit && ByteClass.isDigit(b[i]) {
            while i < limit && (ByteClass.isDigit(b[i]) || b[i] == 0x2E || b[i] == 0x5F) { i += 1 }
            return i >= limit || !ProdText.isIdent(b[i])
        }
        guard b[v] == 0x22 || b[v] == 0x27 || b[v] == 0x60 else { return false }
        var j = v + 1
        while j < limit && (b[j] == 0x24 || b[j] == 0x2B || b[j] == 0x2D || b[j] == 0x20) { j += 1 }
        if j + 1 < limit && b[j] == 0xE2 { j += 3 }  // €
        if j + 1 < limit && b[j] == 0xC2 { j += 2 }  // £
        var digits = 0
        while j < limit && (ByteClass.isDigit(b[j]) || b[j] == 0x2C || b[j] == 0x2E) { if ByteClass.isDigit(b[j]) { digits += 1 }; j += 1 }
        guard digits > 0, j < limit else { return false }
        let c = b[j]
        return c == 0x25 || c == b[v] || c == 0x20 || c == 0x6B || c == 0x4B || c == 0x4D
    }

    static func skipTrivia(_ file: ScannedFile, from: Int, to: Int) -> Int {
        var i = from
        let b = file.bytes
        while i < to {
            if ByteClass.isSpace(b[i]) || b[i] == 0x2C { i += 1; continue }
            if let ri = ProdText.regionIndex(file, containing: i), file.regions[ri].kind == .comment {
                i = Int(file.regions[ri].end)
                continue
            }
            break
        }
        return i
    }

    /// The offset just after the next top-level comma (or `to`).
    private static func nextComma(_ file: ScannedFile, from: Int, to: Int) -> Int {
        let b = file.bytes
        var i = from
        while i < to {
            if let ri = ProdText.regionIndex(file, containing: i) {
                i = max(i + 1, Int(file.regions[ri].end))
                continue
            }
            let c = b[i]
            if c == 0x28 || c == 0x5B || c == 0x7B {
                guard let m = ProdText.matchingClose(file, open: i) else { return to }
                i = m + 1
                continue
            }
            if c == 0x2C { return i + 1 }
            i += 1
        }
        return to
    }

    // MARK: - Names

    /// Nouns that name business records (singular).
    static let entityNouns: Set<String> = [
        "todo", "task", "note", "item", "product", "order", "invoice", "appointment", "booking", "customer", "contact", "lead", "deal",
        "ticket", "message", "post", "comment", "project", "event", "expense", "income", "transaction", "budget", "employee", "student",
        "patient", "doctor", "course", "lesson", "entry", "record", "reservation", "recipe", "habit", "goal", "workout", "book", "document",
        "journal", "client", "member", "user", "account", "payment", "subscription", "application", "job", "candidate", "property",
        "listing", "vehicle", "asset", "review", "submission", "response", "survey", "quiz", "shipment", "supplier", "vendor", "team",
        "workspace", "board", "card", "schedule", "shift", "timesheet", "inventory", "bill", "receipt", "estimate", "contract",
        "enrollment", "attendance", "guest", "visitor", "donation", "campaign", "sale", "purchase", "delivery", "trip", "ride", "driver",
        "meal", "dish", "agent", "staff", "macro", "reminder", "memo", "issue", "bug", "story", "sprint", "release", "room", "tenant",
        "lease", "claim", "policy", "loan", "plant", "pet", "medication", "prescription", "visit", "class", "exam", "assignment",
    ]

    /// The business entity a name refers to ("clinicAppointments" → "appointment"), preferring the task's entities.
    static func entity(in name: String, taskEntities: [String]) -> String? {
        let words = ProdText.words(name)
        let task = Set(taskEntities.map { ProdText.singular($0.lowercased()) })
        for w in words.reversed() where task.contains(ProdText.singular(w)) { return ProdText.singular(w) }
        for w in words.reversed() where entityNouns.contains(ProdText.singular(w)) { return ProdText.singular(w) }
        return nil
    }

    // MARK: - Browser storage keys

    enum StorageKeyKind: Equatable {
        case preference, auth, cart, cache, entity(String), unknown
    }

    private static let prefWords: Set<String> = [
        "theme", "dark", "darkmode", "colorscheme", "color", "sidebar", "collapsed", "expanded", "language", "lang", "locale", "i18n", "draft",
        "drafts", "tour", "onboarding", "welcome", "dismissed", "banner", "consent", "cookie", "cookies", "tab", "view", "layout", "sort",
        "filter", "filters", "zoom", "font", "sound", "volume", "muted", "settings", "setting", "preferences", "preference", "prefs", "pref",
        "recent", "recents", "lastvisited", "scroll", "density", "currency", "timezone", "seen", "hint", "hints", "tutorial", "pinned",
        "mode", "ui", "visible", "open", "width", "height", "panel", "columns", "pagesize", "perpage", "notice", "announcement", "version",
        "accent", "palette", "display", "units", "unit", "format", "region", "country", "introduced", "skipped", "autopilot", "toggle",
    ]
    private static let authWords: Set<String> = [
        "token", "jwt", "auth", "session", "user", "currentuser", "profile", "me", "isadmin", "admin", "role", "login", "loggedin", "logged",
        "access", "refresh", "apikey", "key", "supabase", "sb", "firebase", "redirect", "returnto", "state", "nonce", "verifier", "agent",
        "account", "credentials", "password", "otp", "email", "uid", "userid", "remember", "identity",
    ]
    private static let cartWords: Set<String> = ["cart", "basket", "wishlist", "favorites", "favourites", "bag", "saved", "bookmarks", "compare"]
    private static let cacheWords: Set<String> = ["cache", "cached", "etag", "lastfetch", "offline", "snapshot", "prefetch", "swr", "query", "queries", "rq"]
    private static let collectionWords: Set<String> = ["data", "db", "store", "storage", "list", "items", "collection", "records", "all", "state", "database"]

    /// What a browser-storage key holds, judged from its words (and the stored value's name).
    static func classifyKey(_ key: String, value: String?, taskEntities: [String]) -> StorageKeyKind {
        let words = ProdText.words(key)
        let joined = words.joined()
        if words.contains(where: { cacheWords.contains($0) }) { return .cache }
        if words.contains(where: { prefWords.contains($0) }) || prefWords.contains(joined) { return .preference }
        if words.contains(where: { cartWords.contains($0) }) { return .cart }
        let task = Set(taskEntities.map { ProdText.singular($0.lowercased()) })
        let hasCollectionWord = words.contains { collectionWords.contains($0) }
        for w in words.reversed() {
            let s = ProdText.singular(w)
            guard entityNouns.contains(s) || task.contains(s) else { continue }
            if ProdText.isPlural(w) || hasCollectionWord || w == "inventory" {
                if authWords.contains(s) && !ProdText.isPlural(w) { continue }
                return .entity(s)
            }
        }
        if words.contains(where: { authWords.contains($0) }) || authWords.contains(joined) { return .auth }
        if let v = value {
            let vw = ProdText.words(v)
            if let last = vw.last, ProdText.isPlural(last) {
                let s = ProdText.singular(last)
                if entityNouns.contains(s) || task.contains(s) { return .entity(s) }
            }
        }
        if words.count == 1, let w = words.first, w == "items" || w == "entries" || w == "records" || w == "data" { return .entity(ProdText.singular(w)) }
        return .unknown
    }

    // MARK: - Backend calls

    /// Calls that reach a server, a database or a hosted backend (client or server side).
    static let dataCalls = ProdNeedles([
        "fetch(", "axios", "$fetch(", "useQuery(", "useSuspenseQuery(", "useInfiniteQuery(", "useMutation(", "useSWR(", "useSWRMutation(",
        "trpc.", ".from('", ".from(\"", ".from(`", ".rpc(", "functions.invoke(", "getDocs(", "getDoc(", "addDoc(", "setDoc(", "updateDoc(",
        "deleteDoc(", "onSnapshot(", "httpsCallable(", "XMLHttpRequest", "$.ajax(", "$.get(", "$.post(", "new WebSocket(", "new EventSource(",
        "useLazyQuery(", "prisma.", "ky.get(", "ky.post(", "useFetch(", "useLoaderData(", "useActionData(", "useFetcher(", "getServerSideProps",
        "getStaticProps", ".collection(", "createDocument(", "listDocuments(", "useAction(", "apiRequest(", "apiFetch(", "api.get(", "api.post(",
        "api.put(", "api.patch(", "api.delete(", "http.get(", "http.post(", "client.query(", "client.mutate(", "db.select(", "db.insert(",
        "db.query.", "sql`", "supabase.storage", "useChat(", "useCompletion(", "router.refresh(", "revalidatePath(",
        "io(", "ws.send(", "socket.emit(", "mutate(", "mutateAsync(", "request.get(", "request.post(", "$http.", "this.http.",
        ".findMany(", ".findUnique(", ".findFirst(", ".findOne(", ".findAll(", ".findById(", ".insertOne(", ".insertMany(", ".updateOne(",
        ".updateMany(", ".deleteOne(", ".deleteMany(", ".aggregate(", ".upsert(", "await db.", "await sql", "await pool.query(",
    ])

    /// Whether a ternary `?` (not `?.` or `??`) occurs in code in `range`.
    static func ternaryBefore(_ f: ScannedFile, _ range: Range<Int>) -> Bool {
        let b = f.bytes
        for i in range where b[i] == 0x3F && f.kind(at: i) == .code {
            let next = i + 1 < b.count ? b[i + 1] : 0
            let prev = i > 0 ? b[i - 1] : 0
            if next != 0x2E && next != 0x3F && prev != 0x3F { return true }
        }
        return false
    }

    /// Packages whose calls go over the network (API clients, backend SDKs, payment, email and AI SDKs).
    static let networkPackages: [String] = [
        "axios", "ky", "ofetch", "graphql-request", "@apollo/client", "urql", "@urql/core", "@tanstack/react-query", "@tanstack/vue-query",
        "swr", "firebase", "@firebase/", "@supabase/", "convex", "appwrite", "pocketbase", "@trpc/", "socket.io-client", "pusher-js", "ably",
        "stripe", "@stripe/", "openai", "@anthropic-ai/sdk", "resend", "@sendgrid/", "twilio", "next-auth", "@clerk/", "@auth0/", "aws-sdk",
        "@aws-sdk/", "algoliasearch", "replicate", "@google/generative-ai", "@google/genai", "cohere-ai", "@mistralai/", "groq-sdk", "ai",
        "@ai-sdk/", "mailgun.js", "nodemailer", "@paypal/", "razorpay", "braintree", "@lemonsqueezy/", "@emailjs/browser", "emailjs-com",
        "@formspree/react", "@elevenlabs/", "@huggingface/inference", "cloudinary", "@uploadthing/", "uploadthing",
    ]

    /// Whether the file imports a package that talks to a server.
    static func importsNetworkPackage(_ path: String, profile: ProdAppProfile) -> Bool {
        (profile.imports[path] ?? []).contains { i in
            !i.isLocal && networkPackages.contains { p in p.hasSuffix("/") ? i.module.hasPrefix(p) : i.isModule(p) }
        }
    }

    /// Browser-storage writes (frontend-only persistence).
    static let storageWrites = ProdNeedles([
        "localStorage.setItem(", "sessionStorage.setItem(", "localStorage[", "useLocalStorage(", "useLocalStorageState(", "useSessionStorage(",
        "persist(", "localforage.setItem(", "indexedDB.open(", "new Dexie(", "openDB(",
    ])
}
