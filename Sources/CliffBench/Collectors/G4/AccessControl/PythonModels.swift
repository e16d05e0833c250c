import Foundation

/// Columns of the ORM models a Python app declares in code (Flask-SQLAlchemy `db.Model`, SQLAlchemy declarative
/// `Base`/`DeclarativeBase`, SQLModel `table=True`, Django `models.Model`), for apps whose schema lives in no SQL or
/// Prisma file. Read line by line from the class body: `name = db.Column(…)`, `Column(…)`, `mapped_column(…)`,
/// `name: Mapped[…]`, `models.XField(…)`, `models.ForeignKey(…)`; `__tablename__` / `db_table` give the table name.
struct PythonModels: Sendable {
    struct Model: Sendable {
        var className: String
        var tableName: String?
        var columns: [String]
    }

    private(set) var models: [Model] = []

    init(_ files: [ScannedFile]) {
        for f in files where f.language == .python && ShippedCode.isShippedCode(f) {
            guard ByteNav.contains(f, "class ", in: 0..<f.bytes.count) else { continue }
            models += Self.read(f)
        }
    }

    /// The model a code name refers to: its class name, or its table name (`book`, `books`, `reading_list`).
    func model(_ codeName: String) -> Model? {
        let n = DataAccessFile.normalTable(codeName)
        return models.first { $0.className == codeName }
            ?? models.first { m in DataAccessFile.normalTable(m.className) == n || m.tableName.map { DataAccessFile.normalTable($0) == n } == true }
    }

    private static let bases = ["db.Model", "Base", "DeclarativeBase", "models.Model", "SQLModel", "Model"]

    private static func read(_ f: ScannedFile) -> [Model] {
        var out: [Model] = []
        var current: Model?
        var classIndent = 0
        let lineCount = f.location(of: max(0, f.bytes.count - 1)).line
        guard lineCount >= 1 else { return [] }
        for l in 1...lineCount {
            let r = f.lineRange(l)
            let raw = ByteNav.codeText(f, r)
            let t = raw.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            var indent = 0
            while r.lowerBound + indent < r.upperBound, f.bytes[r.lowerBound + indent] == 0x20 || f.bytes[r.lowerBound + indent] == 0x09 { indent += 1 }
            if current != nil, indent <= classIndent {
                out.append(current!)
                current = nil
            }
            if t.hasPrefix("class "), let open = t.firstIndex(of: "("), let close = t.lastIndex(of: ")"), open < close {
                let name = String(t[t.index(t.startIndex, offsetBy: 6)..<open]).trimmingCharacters(in: .whitespaces)
                let parents = t[t.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let isModel = parents.contains { p in bases.contains(p) || p.hasSuffix(".Model") || (p == "SQLModel" && t.contains("table=True")) }
                    && !(parents.contains("SQLModel") && !t.contains("table=True"))
                if isModel, !name.isEmpty {
                    current = Model(className: name, tableName: nil, columns: [])
                    classIndent = indent
                }
                continue
            }
            guard current != nil else { continue }
            if t.hasPrefix("__tablename__") || t.hasPrefix("db_table") {
                if let q = t.firstIndex(where: { $0 == "\"" || $0 == "'" }) {
                    current!.tableName = String(t[t.index(after: q)...].prefix { $0 != "\"" && $0 != "'" })
                }
                continue
            }
            guard let first = t.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let name = t[..<first].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !name.hasPrefix("__") else { continue }
            let rest = t[t.index(after: first)...]
            let column = ["Column(", "mapped_column(", "Mapped[", "models.ForeignKey(", "models.OneToOneField(", "Field("].contains { rest.contains($0) }
                || (rest.contains("models.") && rest.contains("Field("))
            guard column, !rest.contains("relationship(") else { continue }
            current!.columns.append(name)
            if rest.contains("models.ForeignKey(") || rest.contains("models.OneToOneField(") { current!.columns.append(name + "_id") }
        }
        if let c = current { out.append(c) }
        return out
    }
}
