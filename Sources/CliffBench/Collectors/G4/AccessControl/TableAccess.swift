import Foundation

/// Judges the tables a browser reaches through Supabase's REST API: RLS on, and every permissive policy a
/// client role can use ties rows to the caller (`auth.uid()`, `auth.jwt()`, a helper that reads them),
/// except read-only public content (a catalogue, published posts).
enum TableAccess {
    enum Verdict { case gated, open(SchemaSource, String, Severity), escalation(SchemaSource, String) }

    static let clientRoles: Set<String> = ["anon", "authenticated", "public"]
    static let publicFlags = ["published", "is_public", "ispublic", "is_published", "public", "visibility", "status", "is_active", "active",
                              "approved", "is_approved", "listed", "is_listed"]
    static let piiColumns: Set<String> = ["email", "phone", "phone_number", "address", "date_of_birth", "dob", "ssn", "password", "password_hash",
                                          "salary", "diagnosis", "notes", "stripe_customer_id", "iban", "birth_date", "national_id"]
    static let submissionWords: Set<String> = ["contact", "contacts", "lead", "leads", "inquiry", "inquiries", "enquiry", "enquiries", "feedback",
                                               "newsletter", "subscriber", "subscribers", "waitlist", "submission", "submissions", "message", "messages"]

    /// Whether an expression ties a row to the caller: it reads `auth.uid()`/`auth.jwt()` directly or through a helper function.
    static func tiesToIdentity(_ expr: String, _ model: SchemaModel) -> Bool {
        let l = expr.lowercased()
        if ["auth.uid", "auth.jwt", "auth.email", "current_user", "request.jwt", "current_setting("].contains(where: { l.contains($0) }) { return true }
        for f in model.functions where l.contains(f.name.name.lowercased() + "(") {
            let b = f.body.lowercased()
            if ["auth.uid", "auth.jwt", "auth.email", "current_user"].contains(where: { b.contains($0) }) { return true }
        }
        return false
    }

    /// Read-only public content: a table whose name reads as public content and holds no personal columns, or a SELECT
    /// policy that only admits published/public rows.
    static func isPublicRead(_ p: SQLPolicy, _ t: SQLTable) -> Bool {
        guard p.command == .select else { return false }
        let u = RLSPoliciesCollector.normalized(p.using ?? "true")
        if u != "true", publicFlags.contains(where: { u.contains($0) }) { return true }
        let personal = t.columns.contains { piiColumns.contains($0.name.lowercased()) }
        return u == "true" && RLSPoliciesCollector.isPublicContent(t.name.name) && !personal
    }

    /// The SQL commands a client's supabase-js operation needs.
    static func commands(_ op: DBCall.Op) -> [SQLPolicy.Command] {
        switch op {
        case .read, .readOne, .count: [.select]
        case .insert: [.insert]
        case .update: [.update, .select]
        case .upsert: [.insert, .update]
        case .delete: [.delete, .select]
        case .rpc: []
        }
    }

    static func judge(_ t: SQLTable, model: SchemaModel, used: Set<SQLPolicy.Command>?, roleUsed: Bool) -> Verdict {
        if !t.rowLevelSecurity {
            return .open(t.source, "row-level security is off, so anyone holding the anon key from the bundle can read, change and delete every row: `curl '<project>.supabase.co/rest/v1/\(t.name.name)?select=*' -H 'apikey: <anon key>'`", .critical)
        }
        let policies = model.policies.filter { $0.table.key == t.name.key && $0.permissive && !Set($0.roles).isDisjoint(with: clientRoles) }
        let hasOwner = t.columns.contains { SchemaNames.isOwnerColumn($0.name) } || t.allForeignKeys.contains { SchemaNames.isUserTable($0.references.table) }
        let submission = SchemaNames.words(t.name.name).contains { submissionWords.contains($0) }
        for p in policies {
            let cmds: [SQLPolicy.Command] = p.command == .all ? [.select, .insert, .update, .delete] : [p.command]
            if let used, !cmds.contains(where: { used.contains($0) }) { continue }
            let conds = [p.using, p.withCheck].compactMap { $0 }
            // `USING (false)`: an explicit deny. Permissive policies are OR-ed, so it admits nothing.
            if !conds.isEmpty && conds.allSatisfy({ RLSPoliciesCollector.normalized($0) == "false" }) { continue }
            // `auth.uid() is not null` names the caller but ties no row to them.
            let signedInOnly = conds.contains { RLSPoliciesCollector.isSignedInOnly($0) }
            let expr = (p.using ?? "") + " " + (p.withCheck ?? "")
            if !signedInOnly && tiesToIdentity(expr, model) { continue }
            if isPublicRead(p, t) { continue }
            if p.command == .insert, !hasOwner || submission { continue }  // anonymous submissions (contact forms, sign-ups to a list)
            let who = !signedInOnly && (p.roles.contains("anon") || p.roles.contains("public")) ? "anyone, signed in or not," : "any signed-in user"
            let what: String
            switch p.command {
            case .select: what = "read every user's rows"
            case .insert: what = "insert rows owned by any user (set `\(ownerColumn(t))` to a victim's id)"
            case .update: what = "change every user's rows"
            case .delete: what = "delete every user's rows"
            case .all: what = "read, change and delete every user's rows"
            }
            let cond = p.using.map { "USING (\($0.trimmingCharacters(in: .whitespacesAndNewlines)))" } ?? p.withCheck.map { "WITH CHECK (\($0.trimmingCharacters(in: .whitespacesAndNewlines)))" } ?? "no condition"
            let call = p.command == .select || p.command == .all ? "supabase.from('\(t.name.name)').select('*')" : p.command == .delete ? "supabase.from('\(t.name.name)').delete().neq('\(ownerColumn(t))', '')" : "supabase.from('\(t.name.name)').\(p.command == .insert ? "insert" : "update")({ … })"
            let sev: Severity = who.hasPrefix("anyone") ? .critical : .high
            return .open(p.source, "policy \"\(p.name)\" (\(p.command.rawValue.uppercased()), \(cond)) does not tie rows to the caller: \(who) can \(what) with `\(call)` from the browser console", sev)
        }
        if roleUsed, let v = escalation(t, model: model, policies: policies) { return v }
        return .gated
    }

    static func ownerColumn(_ t: SQLTable) -> String {
        t.columns.first { SchemaNames.isOwnerColumn($0.name) }?.name
            ?? t.allForeignKeys.first { SchemaNames.isUserTable($0.references.table) }?.columns.first ?? "user_id"
    }

    /// A profiles/users table with a role column that its own-row UPDATE policy lets the owner change.
    static func escalation(_ t: SQLTable, model: SchemaModel, policies: [SQLPolicy]) -> Verdict? {
        let userTable = SchemaNames.isUserTable(t.name) || t.allForeignKeys.contains { $0.references.table.key == "auth.users" && $0.columns == ["id"] }
            || t.columns.contains { $0.name == "id" && $0.references?.table.key == "auth.users" }
        guard userTable, let col = t.columns.first(where: { HandlerAccess.roleKeys.contains($0.name) && $0.name != "permissions" }) else { return nil }
        let c = col.name.lowercased()
        // A trigger that compares NEW.role with OLD.role, or column privileges, protect the column.
        if model.functions.contains(where: { f in let b = f.body.lowercased(); return b.contains("new.\(c)") && (b.contains("old.\(c)") || b.contains("raise")) }) { return nil }
        if model.grants.contains(where: { g in g.objects.contains { $0.key == t.name.key } && g.privileges.contains { $0.hasPrefix("update") && $0.contains("(") } }) { return nil }
        if model.grants.contains(where: { g in g.revoke && g.objects.contains { $0.key == t.name.key } && g.privileges.contains { $0 == "update" || $0 == "all" } }) { return nil }
        for p in policies where p.command == .update || p.command == .all {
            guard p.roles.contains("authenticated") || p.roles.contains("public") else { continue }
            let check = (p.withCheck ?? p.using ?? "").lowercased()
            if check.contains(c) { continue }
            if !tiesToIdentity(p.using ?? "", model) { continue }  // an open policy is reported as open already
            return .escalation(p.source, "policy \"\(p.name)\" lets each user update their own \(t.name.name) row, and nothing stops them from changing its `\(col.name)` column: any user becomes an admin with `supabase.from('\(t.name.name)').update({ \(col.name): \(col.type.contains("bool") ? "true" : "'admin'") }).eq('id', user.id)`. Add a WITH CHECK that keeps `\(col.name)` unchanged, a trigger that rejects changes to it, or move roles to a table users cannot write")
        }
        return nil
    }
}
