#!/usr/bin/env python3
"""Generate a deterministic synthetic corpus of AI-builder-style apps for benchmarking.

Layout: <out>/<builder>/<task-id>/<app files>

Every app is a small React/Vite, Next.js or Express+React project (TS or JS) with
components, hooks, pages, API routes, utility modules, Supabase migrations, a README,
package.json, CSS and sometimes .env, Dockerfile and a Python helper. Content is
assembled from many templates with randomised identifiers, and sparse "findings"
(console.log, TODO, hard-coded keys, USING (true), eval(...), ...) are planted at
realistic rates, so that a literal prefilter sees a realistic byte distribution.

Each app also has a small node_modules/ (2-3 files), sometimes a dist/ build, and a
.gitignore listing both; scanners (and ripgrep) are expected to skip them. They are
not counted in the file and byte totals.

The same arguments always produce the same bytes (seeded; no clock or hash input).
Standard library only.

    python3 scripts/gen-corpus.py --out bench-corpus --mb 100 --files 12000 --seed 1
"""

import argparse
import base64
import json
import math
import os
import random
import string
import sys
import time

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

BUILDERS = ["lovable", "bolt", "v0", "replit", "base44", "cursor", "windsurf", "firebase-studio"]

# domain -> entities (singular, snake_case)
DOMAINS = {
    "crm": ["contact", "deal", "company", "activity", "pipeline_stage", "note"],
    "invoicing": ["invoice", "client", "line_item", "payment", "tax_rate", "expense"],
    "booking": ["booking", "room", "guest", "availability", "review", "staff_member"],
    "clinic": ["patient", "appointment", "doctor", "prescription", "visit_note", "invoice"],
    "lms": ["course", "lesson", "enrollment", "quiz", "submission", "instructor"],
    "todo": ["todo", "project", "label", "comment", "reminder", "workspace"],
    "inventory": ["product", "warehouse", "stock_movement", "supplier", "purchase_order", "category"],
    "marketplace": ["listing", "order", "seller", "cart_item", "review", "payout"],
    "fitness": ["workout", "exercise", "meal", "goal", "progress_entry", "coach"],
    "events": ["event", "ticket", "attendee", "venue", "speaker", "session"],
    "helpdesk": ["ticket", "agent", "customer", "reply", "sla_policy", "tag"],
    "recipes": ["recipe", "ingredient", "meal_plan", "shopping_list", "rating", "collection"],
    "real_estate": ["property", "lead", "viewing", "agent", "offer", "document"],
    "hr": ["employee", "leave_request", "payslip", "department", "review_cycle", "job_opening"],
    "finance": ["transaction", "budget", "account", "category", "goal", "recurring_bill"],
    "ai_chat": ["conversation", "message", "prompt_template", "document", "embedding", "usage_record"],
    "school": ["student", "class_group", "attendance", "grade", "teacher", "timetable_slot"],
    "restaurant": ["menu_item", "order", "table", "reservation", "modifier", "shift"],
}

IRREGULAR_PLURALS = {
    "activity": "activities", "company": "companies", "availability": "availabilities",
    "category": "categories", "entry": "entries", "progress_entry": "progress_entries",
    "staff_member": "staff_members", "child": "children", "person": "people",
    "sla_policy": "sla_policies", "quiz": "quizzes", "usage_record": "usage_records", "class_group": "class_groups",
}

FIELD_POOL = [
    ("title", "text", "string"), ("name", "text", "string"), ("description", "text", "string"),
    ("status", "text", "string"), ("amount", "numeric(12,2)", "number"), ("due_date", "date", "string"),
    ("email", "text", "string"), ("phone", "text", "string"), ("notes", "text", "string"),
    ("priority", "integer", "number"), ("quantity", "integer", "number"), ("price", "numeric(10,2)", "number"),
    ("start_time", "timestamptz", "string"), ("end_time", "timestamptz", "string"),
    ("location", "text", "string"), ("rating", "smallint", "number"), ("tags", "text[]", "string[]"),
    ("is_active", "boolean", "boolean"), ("is_archived", "boolean", "boolean"), ("currency", "text", "string"),
    ("address", "text", "string"), ("image_url", "text", "string"), ("score", "integer", "number"),
    ("metadata", "jsonb", "Record<string, unknown>"), ("slug", "text", "string"), ("color", "text", "string"),
    ("completed_at", "timestamptz", "string | null"), ("duration_minutes", "integer", "number"),
    ("external_id", "text", "string"), ("position", "integer", "number"), ("total", "numeric(12,2)", "number"),
]

STATUSES = ["draft", "pending", "active", "completed", "cancelled", "archived", "in_progress", "paid",
            "overdue", "scheduled", "confirmed", "rejected", "open", "closed", "on_hold"]

VERBS = ["fetch", "load", "get", "create", "update", "delete", "sync", "refresh", "save", "remove",
         "archive", "restore", "submit", "approve", "assign", "export", "import", "validate", "compute"]

ADJ = ["recent", "active", "pending", "filtered", "sorted", "selected", "visible", "grouped",
       "upcoming", "overdue", "archived", "featured", "paged", "current", "draft"]

ICONS = ["Plus", "Trash2", "Pencil", "Search", "Filter", "Loader2", "Calendar", "User", "Users",
         "Settings", "ChevronRight", "ChevronDown", "X", "Check", "AlertCircle", "Download",
         "Upload", "Mail", "Phone", "MapPin", "Clock", "Star", "Eye", "EyeOff", "LogOut", "Bell",
         "MoreHorizontal", "ArrowLeft", "ArrowRight", "RefreshCw", "FileText", "CreditCard", "Home"]

UI_COMPONENTS = [("Button", "button"), ("Input", "input"), ("Card, CardContent, CardHeader, CardTitle", "card"),
                 ("Badge", "badge"), ("Label", "label"), ("Textarea", "textarea"),
                 ("Dialog, DialogContent, DialogHeader, DialogTitle, DialogFooter", "dialog"),
                 ("Select, SelectContent, SelectItem, SelectTrigger, SelectValue", "select"),
                 ("Table, TableBody, TableCell, TableHead, TableHeader, TableRow", "table"),
                 ("Tabs, TabsContent, TabsList, TabsTrigger", "tabs"), ("Skeleton", "skeleton"),
                 ("Switch", "switch"), ("Separator", "separator"), ("Avatar, AvatarFallback, AvatarImage", "avatar")]

TW_LAYOUT = ["flex items-center justify-between", "grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3",
             "space-y-4", "flex flex-col gap-2", "container mx-auto px-4 py-8", "flex items-center gap-2",
             "grid gap-6", "max-w-2xl mx-auto", "flex flex-wrap gap-3", "space-y-6 p-6"]
TW_TEXT = ["text-sm text-muted-foreground", "text-2xl font-bold tracking-tight", "text-lg font-semibold",
           "text-xs uppercase text-gray-500", "font-medium text-gray-900", "text-sm text-red-600",
           "text-3xl font-extrabold", "text-base leading-relaxed text-slate-700"]
TW_BOX = ["rounded-lg border bg-card p-4 shadow-sm", "rounded-xl bg-white p-6 shadow",
          "rounded-md border border-gray-200 px-3 py-2", "rounded-2xl bg-gradient-to-br from-indigo-500 to-purple-600 p-6 text-white",
          "hover:bg-muted/50 transition-colors", "rounded-full bg-primary/10 p-2 text-primary",
          "border-b last:border-0 py-3", "rounded-lg bg-slate-50 p-4 dark:bg-slate-900"]

NAMES_FIRST = ["Ava", "Liam", "Priya", "Mateo", "Sofia", "Noah", "Aisha", "Kenji", "Elena", "Omar",
               "Chloe", "Ravi", "Lucas", "Mia", "Diego", "Hannah", "Yuki", "Arjun", "Zara", "Felix"]
NAMES_LAST = ["Patel", "Garcia", "Smith", "Nguyen", "Kim", "Müller", "Rossi", "Okafor", "Silva",
              "Johnson", "Chen", "Kowalski", "Haddad", "Larsen", "Dubois", "Sharma"]
WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut "
         "labore et dolore magna aliqua quick brown fox jumps over lazy dog weekly report summary "
         "customer feedback onboarding flow dashboard metrics growth launch roadmap quarterly review").split()

COMMENT_LINES = [
    "Keep this in sync with the database schema.",
    "We debounce here to avoid hammering the API on every keystroke.",
    "The server returns dates as ISO strings; convert before comparing.",
    "Optimistic update: roll back if the request fails.",
    "Only owners can see archived records.",
    "This mirrors the RLS policy on the server side.",
    "Pagination is zero-based on the client and one-based in the API.",
    "Fallback for older browsers without Intl.RelativeTimeFormat.",
    "Sort newest first, then by priority.",
    "Guard against double submits while the request is in flight.",
    "Values are stored in cents to avoid floating point issues.",
    "The empty state is shown only after the first load completes.",
    "Normalise whitespace before validating.",
    "See the migration for the matching index.",
]

CSS_PROPS = ["display: flex;", "align-items: center;", "justify-content: space-between;", "gap: 0.75rem;",
             "padding: 1rem 1.5rem;", "border-radius: 0.5rem;", "color: hsl(var(--foreground));",
             "background-color: hsl(var(--card));", "font-weight: 600;", "font-size: 0.875rem;",
             "line-height: 1.25rem;", "transition: all 150ms ease-in-out;", "box-shadow: 0 1px 2px rgb(0 0 0 / 0.05);",
             "border: 1px solid hsl(var(--border));", "margin-bottom: 1rem;", "max-width: 72rem;",
             "overflow: hidden;", "text-overflow: ellipsis;", "white-space: nowrap;", "opacity: 0.8;"]

ALNUM = string.ascii_letters + string.digits
B64URL = string.ascii_letters + string.digits + "-_"
HEX = "0123456789abcdef"


def b64url(obj):
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def pascal(snake):
    return "".join(p[:1].upper() + p[1:] for p in snake.split("_"))


def camel(snake):
    p = pascal(snake)
    return p[:1].lower() + p[1:]


def kebab(snake):
    return snake.replace("_", "-")


def plural(snake):
    if snake in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[snake]
    if snake.endswith("y") and snake[-2:-1] not in "aeiou":
        return snake[:-1] + "ies"
    if snake.endswith(("s", "x", "ch", "sh")):
        return snake + "es"
    return snake + "s"


class Ent:
    __slots__ = ("s", "P", "c", "pl", "Pl", "cpl", "table", "kebab", "fields")

    def __init__(self, r, snake):
        self.s = snake
        self.P = pascal(snake)
        self.c = camel(snake)
        self.pl = plural(snake)
        self.Pl = pascal(self.pl)
        self.cpl = camel(self.pl)
        self.table = self.pl
        self.kebab = kebab(self.pl)
        k = r.randint(4, 8)
        self.fields = r.sample(FIELD_POOL, k)


class App:
    def __init__(self, r, builder, task_id, domain):
        self.builder = builder
        self.task_id = task_id
        self.domain = domain
        self.name = task_id.split("-", 2)[-1]
        self.stack = r.choices(["vite", "next", "express"], weights=[5, 3, 2])[0]
        self.ts = r.random() < (0.5 if builder in ("bolt", "replit") else 0.85)
        self.supabase = self.stack == "vite" or r.random() < 0.55
        self.prisma = (not self.supabase) and r.random() < 0.6
        self.ents = [Ent(r, e) for e in DOMAINS[domain]]
        self.project_ref = "".join(r.choice(string.ascii_lowercase) for _ in range(20))
        self.api_var = r.choice(["API_URL", "API_BASE", "BASE_URL", "apiBase"])
        self.files = []  # (relpath, kind)


# ---------------------------------------------------------------------------
# Findings (planted)
# ---------------------------------------------------------------------------

def rand_str(r, chars, n):
    return "".join(r.choice(chars) for _ in range(n))


def jwt(r, app, role=None):
    role = role or r.choice(["anon", "anon", "service_role"])
    header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    iat = 1690000000 + r.randint(0, 40000000)
    payload = b64url({"iss": "supabase", "ref": app.project_ref, "role": role, "iat": iat, "exp": iat + 315360000})
    return f"{header}.{payload}.{rand_str(r, B64URL, 43)}"


def sk_live(r):
    return "sk_live_51" + rand_str(r, ALNUM, r.choice([24, 32, 97]))


def plant_js(r, app, kind, ent, server):
    """One statement (no indentation, no newline) for a planted finding in JS/TS."""
    if kind == "console":
        return r.choice([
            f"console.log('{ent.cpl} loaded', data);",
            f"console.log(\"DEBUG {ent.c}:\", {ent.c});",
            f"console.log(`Fetched ${{{ent.cpl}?.length ?? 0}} {ent.cpl}`);",
            "console.log('here');",
            f"console.log('response', JSON.stringify(result, null, 2));",
        ])
    if kind == "todo":
        return r.choice([
            f"// TODO: add pagination for {ent.cpl}",
            f"// TODO: handle errors properly",
            f"// FIXME: this breaks when {ent.c} has no owner",
            f"// TODO(auth): check the user's role before showing this",
            f"// FIXME: race condition when two tabs update the same {ent.c}",
            "// TODO: remove before launch",
        ])
    if kind == "localstorage":
        return r.choice([
            "localStorage.setItem('token', session.access_token);",
            "localStorage.setItem('authToken', data.token);",
            "localStorage.setItem('isAdmin', String(user.role === 'admin'));",
            f"localStorage.setItem('{ent.cpl}', JSON.stringify({ent.cpl}));",
            "window.localStorage.setItem('user', JSON.stringify(user));",
        ])
    if kind == "eval":
        return r.choice([
            "const result = eval(expression);",
            "const fn = eval('(' + body.formula + ')');",
            "return eval(`${left} ${operator} ${right}`);",
            "const value = new Function('row', `return ${rule.expression}`)(row);",
        ])
    if kind == "jwt":
        name = r.choice(["SUPABASE_ANON_KEY", "supabaseKey", "SUPABASE_KEY", "serviceRoleKey", "ANON_KEY"])
        return f"const {name} = \"{jwt(r, app)}\";"
    if kind == "sk_live":
        return r.choice([
            f"const stripe = new Stripe('{sk_live(r)}', {{ apiVersion: '2023-10-16' }});",
            f"const STRIPE_SECRET_KEY = \"{sk_live(r)}\";",
        ])
    if kind == "vite_key":
        var = r.choice(["VITE_OPENAI_API_KEY", "VITE_STRIPE_SECRET_KEY", "VITE_SUPABASE_SERVICE_ROLE_KEY",
                        "VITE_RESEND_API_KEY", "VITE_GOOGLE_MAPS_KEY"])
        return f"const apiKey = import.meta.env.{var};"
    if kind == "md5":
        return r.choice([
            "const hash = crypto.createHash('md5').update(password).digest('hex');",
            "const passwordHash = md5(password);",
            "const etag = createHash('md5').update(body).digest('base64');",
        ])
    if kind == "cors":
        return r.choice([
            "app.use(cors({ origin: '*', credentials: true }));",
            "app.use(cors({ origin: '*' }));",
        ])
    if kind == "localhost":
        return r.choice([
            "const API_URL = 'http://localhost:3000/api';",
            "const res = await fetch('http://localhost:3000/api/health');",
            "axios.defaults.baseURL = \"http://localhost:3000\";",
        ])
    if kind == "rawsql":
        return r.choice([
            f"const rows = await prisma.$queryRawUnsafe(`SELECT * FROM {ent.table} WHERE id = '${{id}}'`);",
            f"const result = await prisma.$queryRawUnsafe('DELETE FROM {ent.table} WHERE owner_id = ' + userId);",
        ])
    if kind == "innerhtml":
        return r.choice([
            "container.innerHTML = html;",
            "el.innerHTML = `<strong>${name}</strong>`;",
            "document.getElementById('preview').innerHTML = marked(content);",
        ])
    raise ValueError(kind)


def plant_jsx(r, ent):
    return r.choice([
        f"<div className=\"prose\" dangerouslySetInnerHTML={{{{ __html: {ent.c}.description }}}} />",
        "<div dangerouslySetInnerHTML={{ __html: html }} />",
        f"<p className=\"text-sm\" dangerouslySetInnerHTML={{{{ __html: marked({ent.c}.notes ?? '') }}}} />",
    ])


def plant_sql(r, kind, ent):
    if kind == "using_true":
        return r.choice([
            f"CREATE POLICY \"Anyone can view {ent.pl}\" ON public.{ent.table} FOR SELECT USING (true);",
            f"CREATE POLICY \"Enable all for users\" ON public.{ent.table} FOR ALL USING (true) WITH CHECK (true);",
            f"create policy \"public update\" on {ent.table} for update using (true);",
        ])
    if kind == "security_definer":
        return (f"CREATE OR REPLACE FUNCTION public.get_all_{ent.pl}()\nRETURNS SETOF public.{ent.table}\n"
                f"LANGUAGE sql\nSECURITY DEFINER\nAS $$\n  SELECT * FROM public.{ent.table};\n$$;")
    if kind == "md5":
        return f"UPDATE public.{ent.table} SET external_id = md5(id::text || now()::text) WHERE external_id IS NULL;"
    if kind == "todo":
        return r.choice([f"-- TODO: add index on {ent.table}.created_at",
                         "-- FIXME: policy too permissive, tighten before launch",
                         f"-- TODO: backfill {ent.table}.status"])
    raise ValueError(kind)


# per-kind probability of planting in an applicable file
JS_RATES = {"console": 1 / 18, "todo": 1 / 20, "localstorage": 1 / 35, "eval": 1 / 60, "jwt": 1 / 60,
            "sk_live": 1 / 70, "vite_key": 1 / 40, "md5": 1 / 60, "localhost": 1 / 30, "innerhtml": 1 / 60}
SERVER_RATES = {"cors": 1 / 15, "rawsql": 1 / 25}
SQL_RATES = {"using_true": 1 / 8, "security_definer": 1 / 10, "md5": 1 / 40, "todo": 1 / 15}
JSX_RATE = 1 / 40

H = "\x01\n"   # statement hook: a planted statement may replace this line
J = "\x02\n"   # JSX hook: a planted JSX element may replace this line


def choose_plants(r, rates):
    return [k for k, p in rates.items() if r.random() < p]


def fill_hooks(r, text, stmts, jsx):
    """Replace some hook lines with planted lines; drop the rest."""
    if stmts:
        parts = text.split(H)
        n = len(parts) - 1
        picks = {}
        if n > 0:
            for s in stmts:
                picks.setdefault(r.randrange(n), []).append(s)
        out = []
        for i, p in enumerate(parts):
            if i < n:
                if i in picks:
                    indent = len(p) - len(p.rstrip(" "))
                    out.append(p + ("\n" + " " * indent).join(picks[i]) + "\n")
                else:
                    out.append(p.rstrip(" "))
            else:
                out.append(p)
        text = "".join(out)
        if n == 0:  # no hook: put them at the top
            text = "\n".join(stmts) + "\n" + text
    else:
        text = _strip_hooks(text, H)
    if jsx:
        parts = text.split(J)
        n = len(parts) - 1
        if n > 0:
            k = r.randrange(n)
            out = []
            for i, p in enumerate(parts):
                if i < n:
                    if i == k:
                        indent = len(p) - len(p.rstrip(" "))
                        out.append(p + jsx + "\n")
                    else:
                        out.append(p.rstrip(" "))
                else:
                    out.append(p)
            text = "".join(out)
    else:
        text = _strip_hooks(text, J)
    return text


def _strip_hooks(text, hook):
    if hook not in text:
        return text
    parts = text.split(hook)
    return "".join(p.rstrip(" ") for p in parts[:-1]) + parts[-1]


# ---------------------------------------------------------------------------
# JS / TS templates
# ---------------------------------------------------------------------------

def ts_type(app, t):
    return t if app.ts else ""


def comment(r):
    return r.choice(COMMENT_LINES)


def sentence(r, lo=4, hi=10):
    w = [r.choice(WORDS) for _ in range(r.randint(lo, hi))]
    return " ".join(w).capitalize()


def person(r):
    return f"{r.choice(NAMES_FIRST)} {r.choice(NAMES_LAST)}"


def imports_component(r, app, ent, rel):
    lines = []
    hooks = ["useState", "useEffect", "useMemo"] + r.sample(["useCallback", "useRef", "useContext"], r.randint(0, 2))
    lines.append(f"import {{ {', '.join(sorted(hooks))} }} from 'react';")
    if app.stack == "next" and r.random() < 0.7:
        lines.insert(0, "'use client';\n")
        lines.append(f"import {{ useRouter }} from 'next/navigation';")
        lines.append("import Link from 'next/link';")
    elif app.stack != "next":
        lines.append(f"import {{ {r.choice(['useNavigate', 'useParams', 'Link', 'useSearchParams'])} }} from 'react-router-dom';")
    for comp, mod in r.sample(UI_COMPONENTS, r.randint(2, 5)):
        lines.append(f"import {{ {comp} }} from '@/components/ui/{mod}';")
    lines.append(f"import {{ {', '.join(sorted(r.sample(ICONS, r.randint(2, 6))))} }} from 'lucide-react';")
    if app.supabase and r.random() < 0.6:
        lines.append(r.choice(["import { supabase } from '@/integrations/supabase/client';",
                               "import { supabase } from '@/lib/supabase';",
                               "import { createClient } from '@/utils/supabase/client';"]))
    if r.random() < 0.5:
        lines.append(r.choice(["import { toast } from 'sonner';", "import { useToast } from '@/hooks/use-toast';",
                               "import toast from 'react-hot-toast';"]))
    if r.random() < 0.4:
        lines.append("import { format, formatDistanceToNow, parseISO } from 'date-fns';")
    if r.random() < 0.3:
        lines.append("import { z } from 'zod';")
    if app.ts and r.random() < 0.6:
        lines.append(f"import type {{ {ent.P}{r.choice(['', ', ' + ent.P + 'Input', ', ' + ent.P + 'Status'])} }} from '@/types';")
    if r.random() < 0.35:
        lines.append(f"import {{ use{ent.Pl} }} from '@/hooks/use{ent.Pl}';")
    lines.append("import { cn } from '@/lib/utils';")
    return "\n".join(lines) + "\n\n"


def field_jsx(r, ent, var):
    out = []
    for f, _, t in ent.fields[: r.randint(2, len(ent.fields))]:
        if t == "boolean":
            out.append(f"{{{var}.{f} && <Badge variant=\"secondary\">{pascal(f).replace('Is', '')}</Badge>}}")
        elif "date" in f or "time" in f or f.endswith("_at"):
            out.append(f"<span className=\"{r.choice(TW_TEXT)}\">{{{var}.{f} ? format(new Date({var}.{f}), 'PP') : '—'}}</span>")
        elif t == "number" and f in ("amount", "price", "total"):
            out.append(f"<span className=\"font-mono\">{{formatCurrency({var}.{f})}}</span>")
        elif t == "string[]":
            out.append(f"{{{var}.{f}?.map((t) => <Badge key={{t}} variant=\"outline\">{{t}}</Badge>)}}")
        else:
            out.append(f"<p className=\"{r.choice(TW_TEXT)}\">{{{var}.{f}}}</p>")
    return out


def comp_list(r, app, ent):
    C = f"{ent.P}{r.choice(['List', 'Table', 'Grid', 'Board', 'Overview', 'Manager', 'Panel'])}"
    T = ts_type(app, f"<{ent.P}[]>")
    st = ts_type(app, "<string | null>")
    props = f"{{ {r.choice(['workspaceId', 'userId', 'projectId', 'ownerId'])}, onSelect }}"
    if app.ts:
        props += f": {C}Props"
    fetch = (
        f"        const {{ data, error }} = await supabase\n"
        f"          .from('{ent.table}')\n"
        f"          .select('{r.choice(['*', 'id, ' + ', '.join(f[0] for f in ent.fields[:3]), '*, profiles(full_name, avatar_url)'])}')\n"
        f"          .order('{r.choice(['created_at', 'updated_at', ent.fields[0][0]])}', {{ ascending: {r.choice(['false', 'true'])} }})\n"
        f"          .limit({r.choice([20, 50, 100, 1000])});\n"
        f"        if (error) throw error;\n"
        if app.supabase else
        f"        const res = await fetch(`${{{app.api_var}}}/{ent.kebab}?page=${{page}}&q=${{encodeURIComponent(query)}}`);\n"
        f"        if (!res.ok) throw new Error(`Request failed: ${{res.status}}`);\n"
        f"        const data = await res.json();\n"
    )
    items = "\n              ".join(field_jsx(r, ent, "item"))
    key = r.choice(["name", "title", "status"])
    return (
        (f"interface {C}Props {{\n  {props[2:props.index(',')]}?: string;\n  onSelect?: (item: {ent.P}) => void;\n}}\n\n" if app.ts else "")
        + f"/**\n * {comment(r)}\n */\n"
        f"export function {C}({props}) {{\n"
        f"  const [{ent.cpl}, set{ent.Pl}] = useState{T}([]);\n"
        f"  const [loading, setLoading] = useState(true);\n"
        f"  const [error, setError] = useState{st}(null);\n"
        f"  const [query, setQuery] = useState('');\n"
        f"  const [page, setPage] = useState(0);\n"
        f"  {H}"
        f"  useEffect(() => {{\n"
        f"    let cancelled = false;\n"
        f"    async function load() {{\n"
        f"      setLoading(true);\n"
        f"      try {{\n"
        f"{fetch}"
        f"        {H}"
        f"        if (!cancelled) set{ent.Pl}(data ?? []);\n"
        f"      }} catch (err) {{\n"
        f"        console.error('Failed to load {ent.cpl}', err);\n"
        f"        if (!cancelled) setError(err instanceof Error ? err.message : 'Something went wrong');\n"
        f"      }} finally {{\n"
        f"        if (!cancelled) setLoading(false);\n"
        f"      }}\n"
        f"    }}\n"
        f"    load();\n"
        f"    return () => {{\n      cancelled = true;\n    }};\n"
        f"  }}, [page, query]);\n\n"
        f"  const filtered = useMemo(\n"
        f"    () => {ent.cpl}.filter((item) => (item.{key} ?? '').toString().toLowerCase().includes(query.toLowerCase())),\n"
        f"    [{ent.cpl}, query],\n"
        f"  );\n\n"
        f"  if (loading) {{\n"
        f"    return (\n      <div className=\"flex justify-center p-8\">\n        <Loader2 className=\"h-6 w-6 animate-spin\" />\n      </div>\n    );\n  }}\n\n"
        f"  if (error) {{\n    return <p className=\"{r.choice(TW_TEXT)}\">{{error}}</p>;\n  }}\n\n"
        f"  return (\n"
        f"    <div className=\"{r.choice(TW_LAYOUT)}\">\n"
        f"      <div className=\"{r.choice(TW_LAYOUT)}\">\n"
        f"        <h2 className=\"{r.choice(TW_TEXT)}\">{ent.Pl.replace('_', ' ')}</h2>\n"
        f"        <Input placeholder=\"Search {ent.cpl}...\" value={{query}} onChange={{(e) => setQuery(e.target.value)}} />\n"
        f"      </div>\n"
        f"      {J}"
        f"      {{filtered.length === 0 ? (\n"
        f"        <p className=\"{r.choice(TW_TEXT)}\">No {ent.cpl} yet. Create your first one to get started.</p>\n"
        f"      ) : (\n"
        f"        <ul className=\"{r.choice(TW_LAYOUT)}\">\n"
        f"          {{filtered.map((item) => (\n"
        f"            <li key={{item.id}} className=\"{r.choice(TW_BOX)}\" onClick={{() => onSelect?.(item)}}>\n"
        f"              {items}\n"
        f"              {J}"
        f"            </li>\n"
        f"          ))}}\n"
        f"        </ul>\n"
        f"      )}}\n"
        f"      <div className=\"flex justify-end gap-2\">\n"
        f"        <Button variant=\"outline\" disabled={{page === 0}} onClick={{() => setPage((p) => p - 1)}}>Previous</Button>\n"
        f"        <Button variant=\"outline\" onClick={{() => setPage((p) => p + 1)}}>Next</Button>\n"
        f"      </div>\n"
        f"    </div>\n"
        f"  );\n"
        f"}}\n\n"
    )


def comp_form(r, app, ent):
    C = f"{ent.P}{r.choice(['Form', 'Editor', 'CreateDialog', 'Drawer', 'Wizard'])}"
    fields = ent.fields[: r.randint(3, len(ent.fields))]
    schema = "\n".join(
        f"  {f}: " + (
            "z.string().email('Enter a valid email')" if f == "email" else
            "z.string().regex(/^\\+?[0-9\\s()-]{7,20}$/, 'Invalid phone number')" if f == "phone" else
            "z.coerce.number().min(0)" if t == "number" else
            "z.boolean().default(false)" if t == "boolean" else
            "z.array(z.string()).default([])" if t == "string[]" else
            f"z.string().min(1, '{pascal(f)} is required').max({r.choice([80, 120, 255, 2000])})"
        ) + ","
        for f, _, t in fields
    )
    inputs = []
    for f, _, t in fields:
        label = pascal(f).replace("Is", "Is ")
        if t == "boolean":
            inputs.append(
                f"        <div className=\"flex items-center gap-2\">\n"
                f"          <Switch id=\"{f}\" checked={{values.{f}}} onCheckedChange={{(v) => update('{f}', v)}} />\n"
                f"          <Label htmlFor=\"{f}\">{label}</Label>\n"
                f"        </div>\n")
        elif f in ("description", "notes"):
            inputs.append(
                f"        <div className=\"space-y-1\">\n"
                f"          <Label htmlFor=\"{f}\">{label}</Label>\n"
                f"          <Textarea id=\"{f}\" rows={{{r.randint(3, 6)}}} value={{values.{f}}} onChange={{(e) => update('{f}', e.target.value)}} />\n"
                f"        </div>\n")
        else:
            typ = "number" if t == "number" else "email" if f == "email" else "date" if "date" in f else "text"
            inputs.append(
                f"        <div className=\"space-y-1\">\n"
                f"          <Label htmlFor=\"{f}\">{label}</Label>\n"
                f"          <Input id=\"{f}\" type=\"{typ}\" value={{values.{f} ?? ''}} onChange={{(e) => update('{f}', e.target.value)}} />\n"
                f"          {{errors.{f} && <p className=\"text-xs text-destructive\">{{errors.{f}}}</p>}}\n"
                f"        </div>\n")
    save = (
        f"      const {{ error }} = initial?.id\n"
        f"        ? await supabase.from('{ent.table}').update(parsed.data).eq('id', initial.id)\n"
        f"        : await supabase.from('{ent.table}').insert({{ ...parsed.data, user_id: user.id }});\n"
        f"      if (error) throw error;\n"
        if app.supabase else
        f"      const res = await fetch(`/api/{ent.kebab}${{initial?.id ? `/${{initial.id}}` : ''}}`, {{\n"
        f"        method: initial?.id ? 'PUT' : 'POST',\n"
        f"        headers: {{ 'Content-Type': 'application/json' }},\n"
        f"        body: JSON.stringify(parsed.data),\n"
        f"      }});\n"
        f"      if (!res.ok) throw new Error((await res.json()).error ?? 'Save failed');\n"
    )
    anyT = ts_type(app, ": any")
    return (
        f"const {ent.c}Schema = z.object({{\n{schema}\n}});\n\n"
        + (f"type {ent.P}FormValues = z.infer<typeof {ent.c}Schema>;\n\n" if app.ts else "")
        + f"export default function {C}({{ initial, onSaved }}{ts_type(app, f': {{ initial?: Partial<{ent.P}>; onSaved?: () => void }}')}) {{\n"
        f"  const [values, setValues] = useState{ts_type(app, f'<Partial<{ent.P}FormValues>>')}(initial ?? {{}});\n"
        f"  const [errors, setErrors] = useState{ts_type(app, '<Record<string, string>>')}({{}});\n"
        f"  const [submitting, setSubmitting] = useState(false);\n\n"
        f"  const update = (key{ts_type(app, ': string')}, value{anyT}) => setValues((v) => ({{ ...v, [key]: value }}));\n\n"
        f"  // {comment(r)}\n"
        f"  async function handleSubmit(e{ts_type(app, ': React.FormEvent')}) {{\n"
        f"    e.preventDefault();\n"
        f"    if (submitting) return;\n"
        f"    const parsed = {ent.c}Schema.safeParse(values);\n"
        f"    if (!parsed.success) {{\n"
        f"      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message])));\n"
        f"      return;\n"
        f"    }}\n"
        f"    setSubmitting(true);\n"
        f"    try {{\n"
        f"{save}"
        f"      {H}"
        f"      toast.success('{ent.P.replace('_', ' ')} saved');\n"
        f"      onSaved?.();\n"
        f"    }} catch (err) {{\n"
        f"      toast.error(err instanceof Error ? err.message : 'Could not save');\n"
        f"    }} finally {{\n"
        f"      setSubmitting(false);\n"
        f"    }}\n"
        f"  }}\n\n"
        f"  return (\n"
        f"    <form onSubmit={{handleSubmit}} className=\"{r.choice(TW_LAYOUT)}\">\n"
        + "".join(inputs)
        + f"      {J}"
        f"      <Button type=\"submit\" disabled={{submitting}}>\n"
        f"        {{submitting ? <Loader2 className=\"mr-2 h-4 w-4 animate-spin\" /> : null}}\n"
        f"        {r.choice(['Save', 'Create', 'Submit', 'Save changes', 'Continue'])}\n"
        f"      </Button>\n"
        f"    </form>\n"
        f"  );\n"
        f"}}\n\n"
    )


def comp_card(r, app, ent):
    C = f"{ent.P}{r.choice(['Card', 'Row', 'Item', 'Tile', 'Summary', 'Preview'])}"
    var = ent.c
    items = "\n          ".join(field_jsx(r, ent, var))
    icon = r.choice(ICONS)
    return (
        (f"type {C}Props = {{\n  {var}: {ent.P};\n  compact?: boolean;\n  onEdit?: (id: string) => void;\n  onDelete?: (id: string) => void;\n}};\n\n" if app.ts else "")
        + f"export const {C} = ({{ {var}, compact = false, onEdit, onDelete }}{ts_type(app, f': {C}Props')}) => {{\n"
        f"  const [open, setOpen] = useState(false);\n"
        f"  const statusClass = getStatusColor({var}.status);\n"
        f"  {H}"
        f"  return (\n"
        f"    <Card className={{cn('{r.choice(TW_BOX)}', compact && 'p-2')}}>\n"
        f"      <CardHeader className=\"{r.choice(TW_LAYOUT)}\">\n"
        f"        <CardTitle className=\"{r.choice(TW_TEXT)}\">{{{var}.{r.choice(['name', 'title', 'id'])}}}</CardTitle>\n"
        f"        <Badge className={{statusClass}}>{{{var}.status ?? 'unknown'}}</Badge>\n"
        f"      </CardHeader>\n"
        f"      <CardContent>\n"
        f"          {items}\n"
        f"          {J}"
        f"        <div className=\"mt-4 flex gap-2\">\n"
        f"          <Button size=\"sm\" variant=\"ghost\" aria-label=\"Edit\" onClick={{() => onEdit?.({var}.id)}}>\n"
        f"            <{icon} className=\"h-4 w-4\" />\n"
        f"          </Button>\n"
        f"          <Button size=\"sm\" variant=\"ghost\" onClick={{() => setOpen(!open)}}>{{open ? 'Less' : 'More'}}</Button>\n"
        f"          <Button size=\"sm\" variant=\"destructive\" onClick={{() => onDelete?.({var}.id)}}>Delete</Button>\n"
        f"        </div>\n"
        f"      </CardContent>\n"
        f"    </Card>\n"
        f"  );\n"
        f"}};\n\n"
    )


def comp_stats(r, app, ent):
    metrics = r.sample(["total", "active", "completed", "overdue", "revenue", "average", "thisWeek", "conversion"], 4)
    calc = []
    for m in metrics:
        if m == "total":
            calc.append(f"    const total = {ent.cpl}.length;")
        elif m == "revenue":
            calc.append(f"    const revenue = {ent.cpl}.reduce((sum, x) => sum + Number(x.amount ?? x.total ?? 0), 0);")
        elif m == "average":
            calc.append(f"    const average = {ent.cpl}.length ? {ent.cpl}.reduce((s, x) => s + (x.rating ?? 0), 0) / {ent.cpl}.length : 0;")
        elif m == "thisWeek":
            calc.append(f"    const weekAgo = Date.now() - 7 * 24 * 60 * 60 * 1000;\n"
                        f"    const thisWeek = {ent.cpl}.filter((x) => new Date(x.created_at).getTime() > weekAgo).length;")
        elif m == "conversion":
            calc.append(f"    const conversion = {ent.cpl}.length ? Math.round((100 * {ent.cpl}.filter((x) => x.status === 'completed').length) / {ent.cpl}.length) : 0;")
        else:
            calc.append(f"    const {m} = {ent.cpl}.filter((x) => x.status === '{r.choice(STATUSES)}').length;")
    cards = "\n".join(
        f"      <div className=\"{r.choice(TW_BOX)}\">\n"
        f"        <div className=\"flex items-center justify-between\">\n"
        f"          <p className=\"{r.choice(TW_TEXT)}\">{m[0].upper() + m[1:]}</p>\n"
        f"          <{r.choice(ICONS)} className=\"h-4 w-4 text-muted-foreground\" />\n"
        f"        </div>\n"
        f"        <p className=\"text-2xl font-bold\">{{stats.{m}{'.toFixed(1)' if m == 'average' else ''}}}</p>\n"
        f"      </div>"
        for m in metrics)
    return (
        f"export function {ent.P}Stats({{ {ent.cpl} }}{ts_type(app, f': {{ {ent.cpl}: {ent.P}[] }}')}) {{\n"
        f"  const stats = useMemo(() => {{\n"
        + "\n".join(calc) + "\n"
        f"    return {{ {', '.join(metrics)} }};\n"
        f"  }}, [{ent.cpl}]);\n"
        f"  {H}"
        f"  return (\n"
        f"    <div className=\"grid gap-4 md:grid-cols-2 lg:grid-cols-4\">\n"
        f"{cards}\n"
        f"    </div>\n"
        f"  );\n"
        f"}}\n\n"
    )


def js_helpers(r, app, ent):
    s = r.choice(STATUSES)
    choices = r.sample(STATUSES, 4)
    cases = "\n".join(f"    case '{c}':\n      return '{r.choice(['bg-green-100 text-green-800', 'bg-yellow-100 text-yellow-800', 'bg-red-100 text-red-700', 'bg-blue-100 text-blue-800', 'bg-gray-100 text-gray-700'])}';" for c in choices)
    str_t = ts_type(app, ": string")
    num_t = ts_type(app, ": number")
    pick_t = ts_type(app, ': Pick<' + ent.P + ', "status">')
    opts = [
        f"export function getStatusColor(status{ts_type(app, '?: string | null')}){str_t} {{\n  switch (status) {{\n{cases}\n    default:\n      return 'bg-muted text-muted-foreground';\n  }}\n}}\n\n",
        f"export const formatCurrency = (value{num_t}, currency = '{r.choice(['USD', 'EUR', 'INR', 'GBP'])}') =>\n  new Intl.NumberFormat('{r.choice(['en-US', 'en-IN', 'de-DE', 'en-GB'])}', {{ style: 'currency', currency }}).format(value ?? 0);\n\n",
        f"// {comment(r)}\nexport function slugify(input{str_t}){str_t} {{\n  return input\n    .toLowerCase()\n    .normalize('NFKD')\n    .replace(/[\\u0300-\\u036f]/g, '')\n    .replace(/[^a-z0-9]+/g, '-')\n    .replace(/^-+|-+$/g, '');\n}}\n\n",
        f"const EMAIL_RE = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/;\n\nexport function isValidEmail(email{str_t}) {{\n  return EMAIL_RE.test(email.trim());\n}}\n\n",
        f"export function debounce{ts_type(app, '<T extends (...args: any[]) => void>')}(fn{ts_type(app, ': T')}, wait = {r.choice([150, 250, 300, 500])}) {{\n  let timer{ts_type(app, ': ReturnType<typeof setTimeout> | undefined')};\n  return (...args{ts_type(app, ': Parameters<T>')}) => {{\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), wait);\n  }};\n}}\n\n",
        f"export function groupBy{ts_type(app, '<T, K extends string | number>')}(items{ts_type(app, ': T[]')}, key{ts_type(app, ': (item: T) => K')}) {{\n  return items.reduce((acc, item) => {{\n    const k = key(item);\n    (acc[k] ||= []).push(item);\n    return acc;\n  }}, {{}}{ts_type(app, ' as Record<K, T[]>')});\n}}\n\n",
        f"export const relativeTime = (date{ts_type(app, ': string | Date')}) => {{\n  const diff = (new Date(date).getTime() - Date.now()) / 1000;\n  const rtf = new Intl.RelativeTimeFormat('en', {{ numeric: 'auto' }});\n  if (Math.abs(diff) < 60) return rtf.format(Math.round(diff), 'second');\n  if (Math.abs(diff) < 3600) return rtf.format(Math.round(diff / 60), 'minute');\n  if (Math.abs(diff) < 86400) return rtf.format(Math.round(diff / 3600), 'hour');\n  return rtf.format(Math.round(diff / 86400), 'day');\n}};\n\n",
        f"export function buildQuery(params{ts_type(app, ': Record<string, string | number | undefined>')}) {{\n  const qs = Object.entries(params)\n    .filter(([, v]) => v !== undefined && v !== '')\n    .map(([k, v]) => `${{encodeURIComponent(k)}}=${{encodeURIComponent(String(v))}}`)\n    .join('&');\n  return qs ? `?${{qs}}` : '';\n}}\n\n",
        f"export function is{pascal(s)}({ent.c}{pick_t}) {{\n  return {ent.c}.status === '{s}';\n}}\n\n",
        f"export const {ent.c.upper()}_PAGE_SIZE = {r.choice([10, 20, 25, 50])};\nexport const {ent.s.upper()}_STATUSES = [{', '.join(repr(c) for c in choices)}]{ts_type(app, ' as const')};\n\n",
        f"export function parseCsvLine(line{str_t}){ts_type(app, ': string[]')} {{\n  const out{ts_type(app, ': string[]')} = [];\n  const re = /(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)/g;\n  let m;\n  while ((m = re.exec(line)) !== null) {{\n    out.push(m[1].replace(/^\"|\"$/g, '').replace(/\"\"/g, '\"'));\n    if (re.lastIndex === line.length) break;\n  }}\n  return out;\n}}\n\n",
        f"export function clamp(n{num_t}, min{num_t}, max{num_t}) {{\n  return Math.min(Math.max(n, min), max);\n}}\n\nexport const initials = (name = '') =>\n  name\n    .split(/\\s+/)\n    .filter(Boolean)\n    .slice(0, 2)\n    .map((p) => p[0]!.toUpperCase())\n    .join('');\n\n",
    ]
    k = r.randint(2, 4)
    body = "".join(r.sample(opts, k))
    if r.random() < 0.5:
        body += (f"export async function {r.choice(VERBS)}{ent.Pl}Safely(id{str_t}) {{\n"
                 f"  try {{\n    {H}    return await {r.choice(VERBS)}{ent.P}(id);\n  }} catch (e) {{\n"
                 f"    console.error(`[{ent.c}] failed for ${{id}}`, e);\n    return null;\n  }}\n}}\n\n")
    return body


def ts_types(r, app, ent):
    if not app.ts:
        return js_helpers(r, app, ent)
    lines = [f"export type {ent.P}Status = {' | '.join(repr(s) for s in r.sample(STATUSES, 4))};\n",
             f"export interface {ent.P} {{", "  id: string;"]
    for f, _, t in ent.fields:
        opt = "?" if r.random() < 0.3 else ""
        if f == "status":
            t = f"{ent.P}Status"
        lines.append(f"  {f}{opt}: {t};")
    lines += ["  user_id: string;", "  created_at: string;", "  updated_at?: string | null;", "}\n"]
    lines.append(f"export type {ent.P}Input = Omit<{ent.P}, 'id' | 'created_at' | 'updated_at' | 'user_id'>;\n")
    if r.random() < 0.5:
        other = r.choice(app.ents)
        lines.append(f"export interface {ent.P}With{other.Pl} extends {ent.P} {{\n  {other.cpl}: {other.P}[];\n  _count?: {{ {other.cpl}: number }};\n}}\n")
    if r.random() < 0.4:
        lines.append(f"export type Paginated<T> = {{\n  data: T[];\n  page: number;\n  pageSize: number;\n  total: number;\n}};\n")
    return "\n".join(lines) + "\n"


def hook_block(r, app, ent):
    V = r.choice(["", "Paginated", "Infinite", "Realtime"])
    q = (f"      const {{ data, error }} = await supabase.from('{ent.table}').select('*').eq('user_id', userId).order('created_at', {{ ascending: false }});\n"
         f"      if (error) throw error;\n      return data;\n"
         if app.supabase else
         f"      const res = await api.get(`/{ent.kebab}`, {{ params: {{ userId }} }});\n      return res.data;\n")
    mut = (f"      const {{ data, error }} = await supabase.from('{ent.table}').insert(input).select().single();\n      if (error) throw error;\n      return data;\n"
           if app.supabase else
           f"      const res = await api.post('/{ent.kebab}', input);\n      return res.data;\n")
    return (
        f"export function use{V}{ent.Pl}(userId{ts_type(app, '?: string')}) {{\n"
        f"  const queryClient = useQueryClient();\n"
        f"  const query = useQuery({{\n"
        f"    queryKey: ['{ent.cpl}', userId],\n"
        f"    enabled: !!userId,\n"
        f"    staleTime: {r.choice([0, 30000, 60000, 300000])},\n"
        f"    queryFn: async () => {{\n{q}    }},\n"
        f"  }});\n\n"
        f"  const create = useMutation({{\n"
        f"    mutationFn: async (input{ts_type(app, f': {ent.P}Input')}) => {{\n{mut}    }},\n"
        f"    onSuccess: () => {{\n"
        f"      {H}"
        f"      queryClient.invalidateQueries({{ queryKey: ['{ent.cpl}'] }});\n"
        f"    }},\n"
        f"    onError: (err{ts_type(app, ': Error')}) => toast.error(err.message),\n"
        f"  }});\n\n"
        f"  return {{ ...query, {ent.cpl}: query.data ?? [], create{ent.P}: create.mutateAsync, isCreating: create.isPending }};\n"
        f"}}\n\n"
    )


def imports_hook(r, app):
    lines = ["import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';"]
    if app.supabase:
        lines.append("import { supabase } from '@/integrations/supabase/client';")
    else:
        lines.append("import { api } from '@/lib/api';")
    lines.append("import { toast } from 'sonner';")
    if app.ts:
        lines.append(f"import type {{ {', '.join(e.P + ', ' + e.P + 'Input' for e in r.sample(app.ents, 2))} }} from '@/types';")
    return "\n".join(lines) + "\n\n"


def imports_api(r, app):
    lines = []
    if app.stack == "next":
        lines.append("import { NextResponse } from 'next/server';")
        if app.ts:
            lines.append("import type { NextRequest } from 'next/server';")
        if app.supabase:
            lines.append("import { createClient } from '@/lib/supabase/server';")
        else:
            lines.append("import { prisma } from '@/lib/prisma';")
            lines.append("import { getServerSession } from 'next-auth';")
    else:
        lines.append("import express from 'express';" if app.ts or r.random() < 0.5 else "const express = require('express');")
        if app.prisma:
            lines.append("import { PrismaClient } from '@prisma/client';")
        else:
            lines.append("import { pool } from '../db';")
        lines.append("import { requireAuth } from '../middleware/auth';")
    lines.append("import { z } from 'zod';")
    if r.random() < 0.3:
        lines.append("import Stripe from 'stripe';")
    if r.random() < 0.3:
        lines.append("import crypto from 'crypto';")
    return "\n".join(lines) + "\n\n"


def api_next(r, app, ent):
    fields = ent.fields[: r.randint(2, len(ent.fields))]
    zod = ", ".join(f"{f}: z.{'number()' if t == 'number' else 'boolean()' if t == 'boolean' else 'string()'}{'.optional()' if r.random() < 0.4 else ''}" for f, _, t in fields)
    req = ts_type(app, ": NextRequest")
    if app.supabase:
        get = (f"  const supabase = createClient();\n"
               f"  const {{ data: {{ user }} }} = await supabase.auth.getUser();\n"
               f"  if (!user) return NextResponse.json({{ error: 'Unauthorized' }}, {{ status: 401 }});\n"
               f"  const {{ searchParams }} = new URL(request.url);\n"
               f"  const page = Number(searchParams.get('page') ?? '1');\n"
               f"  const {{ data, error, count }} = await supabase\n"
               f"    .from('{ent.table}')\n    .select('*', {{ count: 'exact' }})\n    .eq('user_id', user.id)\n"
               f"    .range((page - 1) * {r.choice([20, 25, 50])}, page * {r.choice([20, 25, 50])} - 1);\n"
               f"  if (error) return NextResponse.json({{ error: error.message }}, {{ status: 500 }});\n")
        post = (f"  const {{ data, error }} = await supabase.from('{ent.table}').insert({{ ...parsed.data, user_id: user.id }}).select().single();\n"
                f"  if (error) return NextResponse.json({{ error: error.message }}, {{ status: 400 }});\n")
        auth = (f"  const supabase = createClient();\n  const {{ data: {{ user }} }} = await supabase.auth.getUser();\n"
                f"  if (!user) return NextResponse.json({{ error: 'Unauthorized' }}, {{ status: 401 }});\n")
    else:
        get = (f"  const session = await getServerSession();\n"
               f"  if (!session?.user) return NextResponse.json({{ error: 'Unauthorized' }}, {{ status: 401 }});\n"
               f"  const {{ searchParams }} = new URL(request.url);\n"
               f"  const q = searchParams.get('q') ?? '';\n"
               f"  const data = await prisma.{ent.c}.findMany({{\n"
               f"    where: {{ userId: session.user.id, {fields[0][0]}: {{ contains: q, mode: 'insensitive' }} }},\n"
               f"    orderBy: {{ createdAt: 'desc' }},\n    take: {r.choice([20, 50, 100])},\n  }});\n")
        post = f"  const data = await prisma.{ent.c}.create({{ data: {{ ...parsed.data, userId: session.user.id }} }});\n"
        auth = (f"  const session = await getServerSession();\n"
                f"  if (!session?.user) return NextResponse.json({{ error: 'Unauthorized' }}, {{ status: 401 }});\n")
    return (
        f"const create{ent.P}Schema = z.object({{ {zod} }});\n\n"
        f"export async function GET(request{req}) {{\n{get}  {H}  return NextResponse.json({{ data }});\n}}\n\n"
        f"// {comment(r)}\n"
        f"export async function POST(request{req}) {{\n{auth}"
        f"  let body{ts_type(app, ': unknown')};\n"
        f"  try {{\n    body = await request.json();\n  }} catch {{\n    return NextResponse.json({{ error: 'Invalid JSON' }}, {{ status: 400 }});\n  }}\n"
        f"  const parsed = create{ent.P}Schema.safeParse(body);\n"
        f"  if (!parsed.success) {{\n    return NextResponse.json({{ error: parsed.error.flatten() }}, {{ status: 422 }});\n  }}\n"
        f"{post}  {H}  return NextResponse.json({{ data }}, {{ status: 201 }});\n}}\n\n"
    )


def api_express(r, app, ent):
    cols = [f for f, _, _ in ent.fields[: r.randint(2, len(ent.fields))]]
    ph = ", ".join(f"${i + 2}" for i in range(len(cols)))
    anyreq = ts_type(app, ": Request")
    anyres = ts_type(app, ": Response")
    if app.prisma:
        lst = (f"    const items = await prisma.{ent.c}.findMany({{ where: {{ userId: req.user.id }}, skip: offset, take: limit }});\n")
        one = f"    const item = await prisma.{ent.c}.findFirst({{ where: {{ id: req.params.id, userId: req.user.id }} }});\n"
        ins = f"    const item = await prisma.{ent.c}.create({{ data: {{ ...parsed.data, userId: req.user.id }} }});\n"
        dele = f"    await prisma.{ent.c}.deleteMany({{ where: {{ id: req.params.id, userId: req.user.id }} }});\n"
    else:
        lst = (f"    const {{ rows: items }} = await pool.query(\n"
               f"      'SELECT * FROM {ent.table} WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3',\n"
               f"      [req.user.id, limit, offset],\n    );\n")
        one = (f"    const {{ rows }} = await pool.query('SELECT * FROM {ent.table} WHERE id = $1 AND user_id = $2', [req.params.id, req.user.id]);\n"
               f"    const item = rows[0];\n")
        ins = (f"    const {{ rows }} = await pool.query(\n"
               f"      `INSERT INTO {ent.table} (user_id, {', '.join(cols)}) VALUES ($1, {ph}) RETURNING *`,\n"
               f"      [req.user.id, {', '.join('parsed.data.' + c for c in cols)}],\n    );\n    const item = rows[0];\n")
        dele = f"    await pool.query('DELETE FROM {ent.table} WHERE id = $1 AND user_id = $2', [req.params.id, req.user.id]);\n"
    return (
        f"router.get('/{ent.kebab}', requireAuth, async (req{anyreq}, res{anyres}, next{ts_type(app, ': NextFunction')}) => {{\n"
        f"  const limit = Math.min(Number(req.query.limit) || {r.choice([20, 25, 50])}, 100);\n"
        f"  const offset = Number(req.query.offset) || 0;\n"
        f"  try {{\n{lst}    {H}    res.json({{ items, limit, offset }});\n"
        f"  }} catch (err) {{\n    next(err);\n  }}\n}});\n\n"
        f"router.get('/{ent.kebab}/:id', requireAuth, async (req{anyreq}, res{anyres}) => {{\n"
        f"  try {{\n{one}    if (!item) return res.status(404).json({{ error: '{ent.P} not found' }});\n    res.json(item);\n"
        f"  }} catch (err) {{\n    res.status(500).json({{ error: 'Internal server error' }});\n  }}\n}});\n\n"
        f"router.post('/{ent.kebab}', requireAuth, async (req{anyreq}, res{anyres}) => {{\n"
        f"  const parsed = {ent.c}Schema.safeParse(req.body);\n"
        f"  if (!parsed.success) return res.status(400).json({{ error: parsed.error.issues }});\n"
        f"  try {{\n{ins}    {H}    res.status(201).json(item);\n"
        f"  }} catch (err) {{\n    console.error(err);\n    res.status(500).json({{ error: 'Could not create {ent.c}' }});\n  }}\n}});\n\n"
        f"router.delete('/{ent.kebab}/:id', requireAuth, async (req{anyreq}, res{anyres}) => {{\n"
        f"  try {{\n{dele}    res.status(204).end();\n  }} catch (err) {{\n    res.status(500).json({{ error: 'Delete failed' }});\n  }}\n}});\n\n"
    )


def api_express_action(r, app, ent):
    anyreq = ts_type(app, ": Request")
    anyres = ts_type(app, ": Response")
    act = r.choice(["archive", "approve", "assign", "duplicate", "export", "stats", "bulk"])
    if act in ("archive", "approve", "assign"):
        col = {"archive": "archived_at = now()", "approve": "status = 'approved'", "assign": "assignee_id = $3"}[act]
        args = "[req.params.id, req.user.id" + (", req.body.assigneeId]" if act == "assign" else "]")
        q = (f"prisma.{ent.c}.updateMany({{ where: {{ id: req.params.id, userId: req.user.id }}, data: {{ {act}dAt: new Date() }} }})"
             if app.prisma else f"pool.query(`UPDATE {ent.table} SET {col}, updated_at = now() WHERE id = $1 AND user_id = $2 RETURNING *`, {args})")
        return (f"router.post('/{ent.kebab}/:id/{act}', requireAuth, async (req{anyreq}, res{anyres}) => {{\n"
                f"  // {comment(r)}\n"
                f"  try {{\n    const result = await {q};\n    {H}"
                f"    await audit(req.user.id, '{ent.s}.{act}', {{ id: req.params.id }});\n"
                f"    res.json({{ ok: true, result }});\n"
                f"  }} catch (err) {{\n    logger.error({{ err, id: req.params.id }}, '{act} {ent.c} failed');\n"
                f"    res.status(500).json({{ error: 'Could not {act} {ent.c}' }});\n  }}\n}});\n\n")
    if act == "export":
        cols = [f for f, _, _ in ent.fields[:4]]
        return (f"router.get('/{ent.kebab}/export.csv', requireAuth, async (req{anyreq}, res{anyres}) => {{\n"
                f"  const {{ rows }} = await pool.query('SELECT {', '.join(cols)} FROM {ent.table} WHERE user_id = $1', [req.user.id]);\n"
                f"  const escape = (v{ts_type(app, ': unknown')}) => `\"${{String(v ?? '').replace(/\"/g, '\"\"')}}\"`;\n"
                f"  const header = {json.dumps(cols)}.join(',');\n"
                f"  const body = rows.map((row) => [{', '.join('row.' + c for c in cols)}].map(escape).join(',')).join('\\n');\n"
                f"  {H}"
                f"  res.setHeader('Content-Type', 'text/csv; charset=utf-8');\n"
                f"  res.setHeader('Content-Disposition', `attachment; filename=\"{ent.kebab}-${{Date.now()}}.csv\"`);\n"
                f"  res.send(`${{header}}\\n${{body}}`);\n}});\n\n")
    if act == "stats":
        return (f"router.get('/{ent.kebab}/stats', requireAuth, async (req{anyreq}, res{anyres}) => {{\n"
                f"  const since = new Date(Date.now() - {r.choice([7, 30, 90])} * 86400000).toISOString();\n"
                f"  const {{ rows }} = await pool.query(\n"
                f"    `SELECT status, count(*)::int AS count, date_trunc('day', created_at) AS day\n"
                f"       FROM {ent.table}\n      WHERE user_id = $1 AND created_at >= $2\n      GROUP BY status, day\n      ORDER BY day`,\n"
                f"    [req.user.id, since],\n  );\n  {H}"
                f"  res.json({{ since, rows }});\n}});\n\n")
    if act == "duplicate":
        return (f"router.post('/{ent.kebab}/:id/duplicate', requireAuth, async (req{anyreq}, res{anyres}) => {{\n"
                f"  const client = await pool.connect();\n  try {{\n    await client.query('BEGIN');\n"
                f"    const {{ rows }} = await client.query('SELECT * FROM {ent.table} WHERE id = $1 AND user_id = $2 FOR UPDATE', [req.params.id, req.user.id]);\n"
                f"    if (!rows[0]) {{\n      await client.query('ROLLBACK');\n      return res.status(404).json({{ error: 'Not found' }});\n    }}\n"
                f"    const {{ id, created_at, updated_at, ...rest }} = rows[0];\n"
                f"    const keys = Object.keys(rest);\n"
                f"    const inserted = await client.query(\n      `INSERT INTO {ent.table} (${{keys.join(', ')}}) VALUES (${{keys.map((_, i) => `$${{i + 1}}`).join(', ')}}) RETURNING *`,\n"
                f"      Object.values(rest),\n    );\n    await client.query('COMMIT');\n    {H}"
                f"    res.status(201).json(inserted.rows[0]);\n  }} catch (err) {{\n    await client.query('ROLLBACK');\n    throw err;\n"
                f"  }} finally {{\n    client.release();\n  }}\n}});\n\n")
    return (f"router.post('/{ent.kebab}/bulk', requireAuth, async (req{anyreq}, res{anyres}) => {{\n"
            f"  const ids = Array.isArray(req.body.ids) ? req.body.ids.slice(0, {r.choice([100, 500])}) : [];\n"
            f"  if (ids.length === 0) return res.status(400).json({{ error: 'ids required' }});\n"
            f"  const action = String(req.body.action ?? '');\n"
            f"  if (!/^(archive|delete|restore)$/.test(action)) return res.status(400).json({{ error: 'bad action' }});\n"
            f"  {H}"
            f"  const {{ rowCount }} = await pool.query(\n"
            f"    action === 'delete'\n      ? 'DELETE FROM {ent.table} WHERE user_id = $1 AND id = ANY($2)'\n"
            f"      : `UPDATE {ent.table} SET status = '${{action === 'archive' ? 'archived' : 'active'}}' WHERE user_id = $1 AND id = ANY($2)`,\n"
            f"    [req.user.id, ids],\n  );\n  res.json({{ updated: rowCount }});\n}});\n\n")


def server_setup(r, app):
    port = r.choice([3000, 3001, 4000, 5000, 8080])
    return (
        f"const app = express();\n"
        f"const PORT = process.env.PORT || {port};\n\n"
        f"app.use(helmet());\n"
        f"app.use(express.json({{ limit: '{r.choice(['100kb', '1mb', '10mb'])}' }}));\n"
        f"app.use(cors({{ origin: process.env.CLIENT_ORIGIN?.split(',') ?? [], credentials: true }}));\n"
        f"{H}"
        f"app.use(rateLimit({{ windowMs: 15 * 60 * 1000, max: {r.choice([100, 300, 1000])} }}));\n\n"
        f"app.get('/health', (_req, res) => res.json({{ ok: true, uptime: process.uptime() }}));\n\n"
        + "".join(f"app.use('/api/{e.kebab}', {e.cpl}Router);\n" for e in r.sample(app.ents, 3))
        + f"\napp.use((err, _req, res, _next) => {{\n  logger.error({{ err }}, 'unhandled error');\n"
        f"  res.status(err.status || 500).json({{ error: err.expose ? err.message : 'Internal server error' }});\n}});\n\n"
        f"const server = app.listen(PORT, () => logger.info(`Server listening on port ${{PORT}}`));\n\n"
        f"process.on('SIGTERM', () => {{\n  server.close(() => process.exit(0));\n}});\n\n"
    )


def service_block(r, app, ent):
    kind = r.choice(["email", "stripe", "ai", "storage", "webhook"])
    st = ts_type(app, ": string")
    if kind == "email":
        return (f"export async function send{ent.P}Email(to{st}, {ent.c}{ts_type(app, f': {ent.P}')}) {{\n"
                f"  const controller = new AbortController();\n  const timeout = setTimeout(() => controller.abort(), {r.choice([5000, 10000, 15000])});\n"
                f"  try {{\n    const res = await fetch('https://api.resend.com/emails', {{\n      method: 'POST',\n"
                f"      headers: {{ Authorization: `Bearer ${{process.env.RESEND_API_KEY}}`, 'Content-Type': 'application/json' }},\n"
                f"      body: JSON.stringify({{\n        from: 'notifications@{app.name}.app',\n        to,\n"
                f"        subject: `Your {ent.P.replace('_', ' ').lower()} ${{{ent.c}.{ent.fields[0][0]}}} was updated`,\n"
                f"        html: render{ent.P}Template({ent.c}),\n      }}),\n      signal: controller.signal,\n    }});\n"
                f"    {H}    if (!res.ok) throw new Error(`Resend error ${{res.status}}`);\n    return await res.json();\n"
                f"  }} finally {{\n    clearTimeout(timeout);\n  }}\n}}\n\n")
    if kind == "stripe":
        return (f"export async function createCheckoutSession({ent.c}Id{st}, customerEmail{st}) {{\n"
                f"  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY{'!' if app.ts else ''}, {{ apiVersion: '2023-10-16' }});\n"
                f"  {H}"
                f"  const session = await stripe.checkout.sessions.create({{\n    mode: '{r.choice(['payment', 'subscription'])}',\n"
                f"    customer_email: customerEmail,\n    line_items: [{{ price: process.env.STRIPE_PRICE_ID, quantity: 1 }}],\n"
                f"    metadata: {{ {ent.c}Id }},\n    success_url: `${{process.env.APP_URL}}/{ent.kebab}/${{{ent.c}Id}}?paid=1`,\n"
                f"    cancel_url: `${{process.env.APP_URL}}/{ent.kebab}`,\n  }});\n  return session.url;\n}}\n\n")
    if kind == "ai":
        return (f"export async function summarize{ent.P}(text{st}) {{\n"
                f"  const res = await fetch('https://api.openai.com/v1/chat/completions', {{\n    method: 'POST',\n"
                f"    headers: {{\n      'Content-Type': 'application/json',\n      Authorization: `Bearer ${{process.env.OPENAI_API_KEY}}`,\n    }},\n"
                f"    body: JSON.stringify({{\n      model: '{r.choice(['gpt-4o-mini', 'gpt-4o', 'gpt-3.5-turbo'])}',\n      temperature: {r.choice(['0', '0.2', '0.7'])},\n"
                f"      messages: [\n        {{ role: 'system', content: 'You summarise {ent.pl.replace('_', ' ')} for busy managers in 3 bullet points.' }},\n"
                f"        {{ role: 'user', content: text.slice(0, {r.choice([4000, 8000, 12000])}) }},\n      ],\n    }}),\n  }});\n"
                f"  {H}  const json = await res.json();\n  return json.choices?.[0]?.message?.content ?? '';\n}}\n\n")
    if kind == "storage":
        return (f"export async function upload{ent.P}Attachment(file{ts_type(app, ': File')}, {ent.c}Id{st}) {{\n"
                f"  if (file.size > {r.choice([5, 10, 20])} * 1024 * 1024) throw new Error('File too large');\n"
                f"  const ext = file.name.split('.').pop();\n  const path = `${{{ent.c}Id}}/${{crypto.randomUUID()}}.${{ext}}`;\n"
                f"  const {{ error }} = await supabase.storage.from('{ent.kebab}').upload(path, file, {{ upsert: false }});\n"
                f"  if (error) throw error;\n  {H}"
                f"  const {{ data }} = supabase.storage.from('{ent.kebab}').getPublicUrl(path);\n  return data.publicUrl;\n}}\n\n")
    return (f"export async function handle{ent.P}Webhook(req{ts_type(app, ': Request')}) {{\n"
            f"  const signature = req.headers.get('stripe-signature');\n  const raw = await req.text();\n"
            f"  let event;\n  try {{\n    event = stripe.webhooks.constructEvent(raw, signature, process.env.STRIPE_WEBHOOK_SECRET);\n"
            f"  }} catch (err) {{\n    return new Response(`Webhook Error: ${{err.message}}`, {{ status: 400 }});\n  }}\n"
            f"  {H}"
            f"  switch (event.type) {{\n    case 'checkout.session.completed':\n      await mark{ent.P}Paid(event.data.object.metadata.{ent.c}Id);\n      break;\n"
            f"    case 'invoice.payment_failed':\n      await notifyOwner(event.data.object.customer_email);\n      break;\n    default:\n      break;\n  }}\n"
            f"  return new Response(null, {{ status: 200 }});\n}}\n\n")


def middleware_block(r, app):
    return (
        f"export function requireAuth(req{ts_type(app, ': Request')}, res{ts_type(app, ': Response')}, next{ts_type(app, ': NextFunction')}) {{\n"
        f"  const header = req.headers.authorization ?? '';\n"
        f"  const token = header.startsWith('Bearer ') ? header.slice(7) : req.cookies?.{r.choice(['session', 'token', 'sid'])};\n"
        f"  if (!token) return res.status(401).json({{ error: 'Missing token' }});\n"
        f"  try {{\n"
        f"    const payload = jwt.verify(token, process.env.JWT_SECRET{'!' if app.ts else ''}, {{ algorithms: ['HS256'] }});\n"
        f"    {H}"
        f"    req.user = {{ id: payload.sub, role: payload.role ?? 'user' }};\n"
        f"    next();\n"
        f"  }} catch {{\n"
        f"    res.status(401).json({{ error: 'Invalid or expired token' }});\n"
        f"  }}\n"
        f"}}\n\n"
        f"export const requireRole = (...roles{ts_type(app, ': string[]')}) => (req, res, next) => {{\n"
        f"  if (!req.user || !roles.includes(req.user.role)) {{\n"
        f"    return res.status(403).json({{ error: 'Forbidden' }});\n  }}\n  next();\n}};\n\n"
    )


def page_block(r, app, ent):
    other = r.choice(app.ents)
    name = r.choice(["Dashboard", f"{ent.Pl}Page", f"{ent.P}Detail", "Settings", "Reports", f"{other.Pl}Overview"])
    return (
        f"export default function {name}() {{\n"
        f"  const {{ user, signOut }} = useAuth();\n"
        f"  const [tab, setTab] = useState('{r.choice(['all', 'mine', 'recent'])}');\n"
        f"  const [selected, setSelected] = useState{ts_type(app, f'<{ent.P} | null>')}(null);\n"
        f"  const {{ {ent.cpl}, isLoading }} = use{ent.Pl}(user?.id);\n"
        f"  {H}"
        f"  useEffect(() => {{\n    document.title = `{ent.Pl.replace('_', ' ')} · {app.name.replace('-', ' ').title()}`;\n  }}, []);\n\n"
        f"  return (\n"
        f"    <div className=\"min-h-screen bg-background\">\n"
        f"      <header className=\"border-b\">\n"
        f"        <div className=\"{r.choice(TW_LAYOUT)}\">\n"
        f"          <h1 className=\"{r.choice(TW_TEXT)}\">{ent.Pl.replace('_', ' ')}</h1>\n"
        f"          <Button variant=\"ghost\" onClick={{signOut}}>\n            <LogOut className=\"mr-2 h-4 w-4\" /> Sign out\n          </Button>\n"
        f"        </div>\n"
        f"      </header>\n"
        f"      <main className=\"{r.choice(TW_LAYOUT)}\">\n"
        f"        <{ent.P}Stats {ent.cpl}={{{ent.cpl}}} />\n"
        f"        <Tabs value={{tab}} onValueChange={{setTab}}>\n"
        f"          <TabsList>\n"
        f"            <TabsTrigger value=\"all\">All</TabsTrigger>\n"
        f"            <TabsTrigger value=\"mine\">Mine</TabsTrigger>\n"
        f"            <TabsTrigger value=\"recent\">Recent</TabsTrigger>\n"
        f"          </TabsList>\n"
        f"          <TabsContent value={{tab}}>\n"
        f"            {{isLoading ? <Skeleton className=\"h-48 w-full\" /> : <{ent.P}List onSelect={{setSelected}} />}}\n"
        f"          </TabsContent>\n"
        f"        </Tabs>\n"
        f"        {J}"
        f"        {{selected && (\n"
        f"          <Dialog open onOpenChange={{() => setSelected(null)}}>\n"
        f"            <DialogContent>\n"
        f"              <DialogHeader>\n                <DialogTitle>Edit {ent.P.replace('_', ' ').lower()}</DialogTitle>\n              </DialogHeader>\n"
        f"              <{ent.P}Form initial={{selected}} onSaved={{() => setSelected(null)}} />\n"
        f"            </DialogContent>\n"
        f"          </Dialog>\n"
        f"        )}}\n"
        f"      </main>\n"
        f"    </div>\n"
        f"  );\n"
        f"}}\n\n"
    )


def api_client_block(r, app, ent):
    st = ts_type(app, ": string")
    return (
        f"export const {ent.cpl}Api = {{\n"
        f"  list: (params{ts_type(app, '?: Record<string, string>')}) => request{ts_type(app, f'<{ent.P}[]>')}(`/{ent.kebab}${{buildQuery(params ?? {{}})}}`),\n"
        f"  get: (id{st}) => request{ts_type(app, f'<{ent.P}>')}(`/{ent.kebab}/${{id}}`),\n"
        f"  create: (body{ts_type(app, f': {ent.P}Input')}) => request{ts_type(app, f'<{ent.P}>')}('/{ent.kebab}', {{ method: 'POST', body: JSON.stringify(body) }}),\n"
        f"  update: (id{st}, body{ts_type(app, f': Partial<{ent.P}Input>')}) =>\n"
        f"    request{ts_type(app, f'<{ent.P}>')}(`/{ent.kebab}/${{id}}`, {{ method: 'PATCH', body: JSON.stringify(body) }}),\n"
        f"  remove: (id{st}) => request{ts_type(app, '<void>')}(`/{ent.kebab}/${{id}}`, {{ method: 'DELETE' }}),\n"
        f"}};\n\n"
    )


def api_request_fn(r, app):
    base = r.choice(["import.meta.env.VITE_API_URL", "process.env.NEXT_PUBLIC_API_URL", "window.location.origin + '/api'"])
    return (
        f"const {app.api_var} = {base} ?? '/api';\n\n"
        f"async function request{ts_type(app, '<T>')}(path{ts_type(app, ': string')}, init{ts_type(app, ': RequestInit')} = {{}}){ts_type(app, ': Promise<T>')} {{\n"
        f"  const token = await getAccessToken();\n"
        f"  {H}"
        f"  const res = await fetch(`${{{app.api_var}}}${{path}}`, {{\n"
        f"    ...init,\n"
        f"    headers: {{\n      'Content-Type': 'application/json',\n      ...(token ? {{ Authorization: `Bearer ${{token}}` }} : {{}}),\n      ...init.headers,\n    }},\n"
        f"    credentials: 'include',\n  }});\n"
        f"  if (res.status === 401) {{\n    window.location.href = '/login';\n    throw new Error('Session expired');\n  }}\n"
        f"  if (!res.ok) {{\n    const text = await res.text();\n    throw new Error(text || `HTTP ${{res.status}}`);\n  }}\n"
        f"  return res.status === 204 ? (undefined{ts_type(app, ' as T')}) : res.json();\n}}\n\n"
    )


def test_block(r, app, ent):
    s = r.choice(STATUSES)
    return (
        f"describe('{ent.P}', () => {{\n"
        f"  beforeEach(() => {{\n    vi.restoreAllMocks();\n  }});\n\n"
        f"  it('formats the {ent.c} amount as currency', () => {{\n"
        f"    expect(formatCurrency({r.randint(1, 9999)}.5, 'USD')).toMatch(/^\\$[\\d,]+\\.50$/);\n  }});\n\n"
        f"  it('marks {s} {ent.cpl} correctly', () => {{\n"
        f"    const item = {{ id: '{rand_str(r, HEX, 8)}', status: '{s}' }};\n"
        f"    expect(is{pascal(s)}(item)).toBe(true);\n  }});\n\n"
        f"  it('renders the empty state', async () => {{\n"
        f"    vi.spyOn(global, 'fetch').mockResolvedValue(new Response(JSON.stringify([]), {{ status: 200 }}));\n"
        f"    render(<{ent.P}List />);\n"
        f"    expect(await screen.findByText(/No {ent.cpl} yet/i)).toBeInTheDocument();\n  }});\n\n"
        f"  {H}"
        f"  it('validates required fields', async () => {{\n"
        f"    render(<{ent.P}Form />);\n"
        f"    await userEvent.click(screen.getByRole('button', {{ name: /save|create|submit/i }}));\n"
        f"    expect(screen.getAllByText(/required/i).length).toBeGreaterThan(0);\n  }});\n}});\n\n"
    )


def mock_data_block(r, app, ent):
    rows = []
    for i in range(r.randint(3, 8)):
        vals = [f"id: '{i + 1}'"]
        for f, _, t in ent.fields[:4]:
            if t == "number":
                vals.append(f"{f}: {r.randint(1, 500)}")
            elif t == "boolean":
                vals.append(f"{f}: {r.choice(['true', 'false'])}")
            elif t == "string[]":
                vals.append(f"{f}: ['{r.choice(WORDS)}', '{r.choice(WORDS)}']")
            elif f == "status":
                vals.append(f"{f}: '{r.choice(STATUSES)}'")
            elif f == "email":
                vals.append(f"{f}: '{r.choice(NAMES_FIRST).lower()}@example.com'")
            elif f == "name":
                vals.append(f"{f}: '{person(r)}'")
            else:
                vals.append(f"{f}: '{sentence(r, 2, 5)}'")
        rows.append("  { " + ", ".join(vals) + " },")
    return (f"// {r.choice(['Sample data for the demo', 'Seed data until the API is ready', 'Fallback when offline'])}\n"
            f"export const {r.choice(['mock', 'sample', 'demo', 'initial'])}{ent.Pl}{ts_type(app, f': {ent.P}[]')} = [\n" + "\n".join(rows) + "\n];\n\n")


# ---------------------------------------------------------------------------
# SQL
# ---------------------------------------------------------------------------

def sql_header(r, app):
    return f"-- {r.choice(['Migration', 'Schema', 'Initial schema', 'Add tables'])} for {app.name.replace('-', ' ')}\n-- {comment(r)}\n\n"


def sql_table(r, app, ent):
    cols = ["  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),",
            f"  user_id uuid {'NOT NULL ' if r.random() < 0.7 else ''}REFERENCES auth.users(id) ON DELETE CASCADE,"]
    for f, sqlt, _ in ent.fields:
        extra = ""
        if f == "status":
            extra = f" NOT NULL DEFAULT '{r.choice(STATUSES)}' CHECK (status IN ({', '.join(repr(s) for s in r.sample(STATUSES, 4))}))"
        elif f in ("name", "title") and r.random() < 0.6:
            extra = " NOT NULL"
        elif sqlt == "boolean":
            extra = f" NOT NULL DEFAULT {r.choice(['true', 'false'])}"
        elif f == "email" and r.random() < 0.5:
            extra = " UNIQUE"
        cols.append(f"  {f} {sqlt}{extra},")
    if r.random() < 0.5:
        other = r.choice(app.ents)
        if other is not ent:
            cols.append(f"  {other.s}_id uuid REFERENCES public.{other.table}(id) ON DELETE SET NULL,")
    cols.append("  created_at timestamptz NOT NULL DEFAULT now(),")
    cols.append("  updated_at timestamptz NOT NULL DEFAULT now()")
    kw = r.choice(["CREATE TABLE IF NOT EXISTS", "CREATE TABLE", "create table if not exists"])
    out = f"{kw} public.{ent.table} (\n" + "\n".join(cols) + "\n);\n\n"
    if r.random() < 0.7:
        out += f"CREATE INDEX IF NOT EXISTS idx_{ent.table}_user_id ON public.{ent.table}(user_id);\n"
    if r.random() < 0.5:
        out += f"CREATE INDEX IF NOT EXISTS idx_{ent.table}_created_at ON public.{ent.table}(created_at DESC);\n"
    out += f"COMMENT ON TABLE public.{ent.table} IS '{sentence(r, 3, 7)}';\n\n{H}\n"
    return out


def sql_rls(r, app, ent):
    own = r.choice(["auth.uid() = user_id", "user_id = auth.uid()", "(select auth.uid()) = user_id"])
    out = f"ALTER TABLE public.{ent.table} ENABLE ROW LEVEL SECURITY;\n\n"
    for op in r.sample(["SELECT", "INSERT", "UPDATE", "DELETE"], r.randint(2, 4)):
        name = f"Users can {op.lower()} their own {ent.pl.replace('_', ' ')}"
        if op == "INSERT":
            out += f"CREATE POLICY \"{name}\"\n  ON public.{ent.table} FOR INSERT\n  WITH CHECK ({own});\n\n"
        elif op == "UPDATE":
            out += f"CREATE POLICY \"{name}\"\n  ON public.{ent.table} FOR UPDATE\n  USING ({own})\n  WITH CHECK ({own});\n\n"
        else:
            out += f"CREATE POLICY \"{name}\"\n  ON public.{ent.table} FOR {op}\n  USING ({own});\n\n"
    if r.random() < 0.3:
        out += (f"CREATE POLICY \"Admins can manage {ent.pl.replace('_', ' ')}\"\n  ON public.{ent.table} FOR ALL\n"
                f"  USING (EXISTS (SELECT 1 FROM public.user_roles ur WHERE ur.user_id = auth.uid() AND ur.role = 'admin'));\n\n")
    return out + H


def sql_function(r, app, ent):
    k = r.choice(["updated_at", "count", "new_user"])
    if k == "updated_at":
        return (f"CREATE OR REPLACE FUNCTION public.set_updated_at()\nRETURNS trigger\nLANGUAGE plpgsql\nAS $$\nBEGIN\n"
                f"  NEW.updated_at = now();\n  RETURN NEW;\nEND;\n$$;\n\n"
                f"DROP TRIGGER IF EXISTS trg_{ent.table}_updated_at ON public.{ent.table};\n"
                f"CREATE TRIGGER trg_{ent.table}_updated_at\n  BEFORE UPDATE ON public.{ent.table}\n  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();\n\n{H}")
    if k == "count":
        return (f"CREATE OR REPLACE FUNCTION public.count_{ent.pl}_by_status(p_user uuid)\nRETURNS TABLE(status text, total bigint)\n"
                f"LANGUAGE sql STABLE\nAS $$\n  SELECT status, count(*)\n  FROM public.{ent.table}\n  WHERE user_id = p_user\n  GROUP BY status\n  ORDER BY 2 DESC;\n$$;\n\n{H}")
    return ("CREATE TABLE IF NOT EXISTS public.profiles (\n  id uuid PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,\n"
            "  full_name text,\n  avatar_url text,\n  role text NOT NULL DEFAULT 'user',\n  created_at timestamptz DEFAULT now()\n);\n\n"
            "CREATE OR REPLACE FUNCTION public.handle_new_user()\nRETURNS trigger\nLANGUAGE plpgsql\nSET search_path = public\nAS $$\nBEGIN\n"
            "  INSERT INTO public.profiles (id, full_name, avatar_url)\n  VALUES (NEW.id, NEW.raw_user_meta_data->>'full_name', NEW.raw_user_meta_data->>'avatar_url');\n"
            "  RETURN NEW;\nEND;\n$$;\n\n"
            "CREATE TRIGGER on_auth_user_created\n  AFTER INSERT ON auth.users\n  FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();\n\n" + H)


def sql_seed(r, app, ent):
    cols = [f for f, _, t in ent.fields if t in ("string", "number")][:3] or ["notes"]
    rows = []
    for _ in range(r.randint(3, 10)):
        vals = []
        for c in cols:
            t = next((t for f, _, t in ent.fields if f == c), "string")
            vals.append(str(r.randint(1, 900)) if t == "number" else "'" + sentence(r, 1, 4).replace("'", "''") + "'")
        rows.append("  (" + ", ".join(vals) + ")")
    return f"INSERT INTO public.{ent.table} ({', '.join(cols)}) VALUES\n" + ",\n".join(rows) + "\nON CONFLICT DO NOTHING;\n\n"


def sql_alter(r, app, ent):
    f = r.choice(["archived_at timestamptz", "sort_order integer DEFAULT 0", "visibility text DEFAULT 'private'",
                  "deleted_at timestamptz", "assignee_id uuid REFERENCES auth.users(id)"])
    col = f.split()[0]
    return (f"ALTER TABLE public.{ent.table} ADD COLUMN IF NOT EXISTS {f};\n"
            f"CREATE INDEX IF NOT EXISTS idx_{ent.table}_{col} ON public.{ent.table}({col});\n\n"
            f"CREATE OR REPLACE VIEW public.{ent.table}_summary AS\n  SELECT user_id, count(*) AS total, max(created_at) AS last_created\n"
            f"  FROM public.{ent.table}\n  GROUP BY user_id;\n\n{H}")


# ---------------------------------------------------------------------------
# Other file types
# ---------------------------------------------------------------------------

def css_file(r, app, target):
    out = ["@tailwind base;\n@tailwind components;\n@tailwind utilities;\n\n@layer base {\n  :root {\n"]
    for v in ["background", "foreground", "card", "primary", "secondary", "muted", "accent", "destructive", "border", "ring"]:
        out.append(f"    --{v}: {r.randint(0, 360)} {r.randint(0, 100)}% {r.randint(0, 100)}%;\n")
    out.append("    --radius: 0.5rem;\n  }\n}\n\n")
    size = sum(map(len, out))
    while size < target:
        cls = f".{r.choice(app.ents).kebab}-{r.choice(['card', 'header', 'list', 'item', 'badge', 'grid', 'title', 'empty'])}"
        props = "\n".join("  " + p for p in r.sample(CSS_PROPS, r.randint(3, 7)))
        block = f"{cls} {{\n{props}\n}}\n\n"
        if r.random() < 0.2:
            block += f"@media (min-width: {r.choice([640, 768, 1024])}px) {{\n  {cls} {{\n    padding: 1.5rem;\n  }}\n}}\n\n"
        if r.random() < 0.05:
            block += "/* TODO: move to design tokens */\n"
        out.append(block)
        size += len(block)
    return "".join(out)


def md_readme(r, app):
    ents = ", ".join(e.pl.replace("_", " ") for e in app.ents)
    run = "npm run dev" if app.stack != "express" else "npm run dev:server & npm run dev:client"
    s = (f"# {app.name.replace('-', ' ').title()}\n\n{sentence(r, 8, 16)}.\n\n"
         f"Built with {'Next.js' if app.stack == 'next' else 'Vite + React' if app.stack == 'vite' else 'Express + React'}"
         f"{', Supabase' if app.supabase else ''}{', Prisma' if app.prisma else ''} and Tailwind CSS.\n\n"
         f"## Features\n\n" + "".join(f"- Manage {e.pl.replace('_', ' ')}\n" for e in app.ents) +
         f"\n## Getting started\n\n```sh\nnpm install\ncp .env.example .env\n{run}\n```\n\n"
         f"Open http://localhost:{r.choice([3000, 5173, 8080])} in your browser.\n\n"
         f"## Environment\n\n| Variable | Description |\n|---|---|\n"
         + ("| `VITE_SUPABASE_URL` | Supabase project URL |\n| `VITE_SUPABASE_ANON_KEY` | Supabase anon key |\n" if app.supabase else "")
         + "| `DATABASE_URL` | Postgres connection string |\n"
         f"\n## Data model\n\nTables: {ents}.\n\n## Deployment\n\n{sentence(r, 6, 14)}.\n")
    if r.random() < 0.2:
        s += "\n## Roadmap\n\n- [ ] TODO: email notifications\n- [ ] Role-based access\n"
    return s


def package_json(r, app):
    deps = {"react": "^18.3.1", "react-dom": "^18.3.1", "zod": "^3.23.8", "lucide-react": "^0.462.0",
            "clsx": "^2.1.1", "tailwind-merge": "^2.5.2", "date-fns": "^3.6.0", "@tanstack/react-query": "^5.56.2"}
    if app.supabase:
        deps["@supabase/supabase-js"] = "^2.45.4"
    if app.stack == "next":
        deps["next"] = r.choice(["14.2.5", "^14.2.15", "15.0.3"])
    else:
        deps["react-router-dom"] = "^6.26.2"
    if app.stack == "express":
        deps.update({"express": "^4.19.2", "cors": "^2.8.5", "helmet": "^7.1.0", "jsonwebtoken": "^9.0.2", "pg": "^8.12.0"})
    if app.prisma:
        deps["@prisma/client"] = "^5.19.1"
    if r.random() < 0.4:
        deps["stripe"] = "^16.12.0"
    dev = {"typescript": "^5.5.3", "vite": "^5.4.1", "tailwindcss": "^3.4.11", "eslint": "^9.9.0", "vitest": "^2.1.1"}
    scripts = {"dev": "next dev" if app.stack == "next" else "vite", "build": "next build" if app.stack == "next" else "tsc && vite build",
               "lint": "eslint .", "preview": "vite preview"}
    if r.random() < 0.5:
        scripts["test"] = "vitest run"
    return json.dumps({"name": app.name, "private": True, "version": "0.0.0", "type": "module",
                       "scripts": scripts, "dependencies": deps, "devDependencies": dev}, indent=2) + "\n"


def env_file(r, app, plants):
    lines = []
    if app.supabase:
        pre = "NEXT_PUBLIC_" if app.stack == "next" else "VITE_"
        lines.append(f"{pre}SUPABASE_URL=https://{app.project_ref}.supabase.co")
        lines.append(f"{pre}SUPABASE_ANON_KEY={jwt(r, app, 'anon') if 'jwt' in plants else 'your-anon-key'}")
    lines.append(f"DATABASE_URL=postgresql://postgres:{'postgres' if r.random() < 0.5 else 'password'}@localhost:5432/{app.name.replace('-', '_')}")
    if "vite_key" in plants:
        lines.append(f"VITE_OPENAI_API_KEY=sk-proj-{rand_str(r, ALNUM, 48)}")
    if "sk_live" in plants:
        lines.append(f"STRIPE_SECRET_KEY={sk_live(r)}")
    else:
        lines.append("STRIPE_SECRET_KEY=sk_test_replace_me")
    lines.append(f"JWT_SECRET={r.choice(['changeme', 'supersecret', rand_str(r, ALNUM, 32)])}")
    if "localhost" in plants:
        lines.append("API_URL=http://localhost:3000")
    lines.append(f"PORT={r.choice([3000, 4000, 8080])}")
    return "\n".join(lines) + "\n"


def dockerfile(r, app):
    node = r.choice(["18-alpine", "20-alpine", "20-slim", "22-alpine"])
    return (f"FROM node:{node} AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\n"
            f"FROM node:{node}\nWORKDIR /app\nENV NODE_ENV=production\nCOPY --from=build /app ./\n"
            f"EXPOSE {r.choice([3000, 8080])}\n"
            + ("HEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/health || exit 1\n" if r.random() < 0.4 else "")
            + f"CMD [\"npm\", \"{r.choice(['start', 'run start', 'run preview'])}\"]\n")


def py_file(r, app, target):
    ent = r.choice(app.ents)
    out = [f'"""{sentence(r, 4, 8)}."""\n\nimport csv\nimport json\nimport os\nimport sys\nfrom datetime import datetime, timedelta\n\n'
           f"import requests\n\nSUPABASE_URL = os.environ[\"SUPABASE_URL\"]\nSERVICE_KEY = os.environ.get(\"SUPABASE_SERVICE_ROLE_KEY\", \"\")\n\n"]
    size = len(out[0])
    i = 0
    while size < target:
        e = r.choice(app.ents)
        i += 1
        b = (f"def {r.choice(VERBS)}_{e.pl}_{i}(path: str, limit: int = {r.choice([100, 500, 1000])}) -> list[dict]:\n"
             f"    \"\"\"{comment(r)}\"\"\"\n"
             f"    rows = []\n    with open(path, newline=\"\", encoding=\"utf-8\") as fh:\n"
             f"        for row in csv.DictReader(fh):\n"
             f"            if len(rows) >= limit:\n                break\n"
             f"            row[\"{e.fields[0][0]}\"] = row.get(\"{e.fields[0][0]}\", \"\").strip()\n"
             f"            rows.append(row)\n"
             f"    resp = requests.post(\n        f\"{{SUPABASE_URL}}/rest/v1/{e.table}\",\n"
             f"        headers={{\"apikey\": SERVICE_KEY, \"Authorization\": f\"Bearer {{SERVICE_KEY}}\", \"Prefer\": \"return=minimal\"}},\n"
             f"        data=json.dumps(rows),\n        timeout={r.choice([10, 30, 60])},\n    )\n"
             f"    resp.raise_for_status()\n"
             + ("    # TODO: retry on 429\n" if r.random() < 0.08 else "")
             + "    return rows\n\n\n")
        out.append(b)
        size += len(b)
    out.append(f"if __name__ == \"__main__\":\n    {r.choice(VERBS)}_{ent.pl}_1(sys.argv[1])\n")
    return "".join(out)


def html_file(r, app):
    return (f"<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"UTF-8\" />\n    <link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\" />\n"
            f"    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\" />\n    <title>{app.name.replace('-', ' ').title()}</title>\n"
            f"    <meta name=\"description\" content=\"{sentence(r, 6, 12)}\" />\n  </head>\n  <body>\n    <div id=\"root\"></div>\n"
            f"    <script type=\"module\" src=\"/src/main.{'tsx' if app.ts else 'jsx'}\"></script>\n  </body>\n</html>\n")


def gitignore(r, app):
    lines = ["# dependencies", "node_modules", "", "# build output", "dist", r.choice(["dist-ssr", "build", ".next", "out"]),
             "", "*.log", "npm-debug.log*", ".DS_Store", "coverage", r.choice([".env*.local", ".vercel", ".turbo", "*.local"])]
    return "\n".join(lines) + "\n"


def supabase_client_file(r, app, plants):
    pre = "process.env.NEXT_PUBLIC_" if app.stack == "next" else "import.meta.env.VITE_"
    key = f"\"{jwt(r, app, 'anon')}\"" if "jwt" in plants else f"{pre}SUPABASE_ANON_KEY"
    return (f"// This file is automatically generated. Do not edit it directly.\n"
            f"import {{ createClient }} from '@supabase/supabase-js';\n"
            + ("import type { Database } from './types';\n" if app.ts else "")
            + f"\nconst SUPABASE_URL = {pre}SUPABASE_URL ?? \"https://{app.project_ref}.supabase.co\";\n"
            f"const SUPABASE_PUBLISHABLE_KEY = {key};\n\n"
            f"// Import the supabase client like this:\n// import {{ supabase }} from \"@/integrations/supabase/client\";\n\n"
            f"export const supabase = createClient{'<Database>' if app.ts else ''}(SUPABASE_URL, SUPABASE_PUBLISHABLE_KEY, {{\n"
            f"  auth: {{\n    storage: localStorage,\n    persistSession: true,\n    autoRefreshToken: true,\n  }}\n}});\n")


# ---------------------------------------------------------------------------
# File assembly
# ---------------------------------------------------------------------------

def build_code(r, app, kind, target, ent):
    """Build a JS/TS source file of roughly `target` bytes; returns (text, server, jsx_ok)."""
    server = kind in ("api", "server", "middleware", "service")
    jsx_ok = kind in ("component", "page", "test")
    parts = []
    size = 0

    def add(s):
        nonlocal size
        parts.append(s)
        size += len(s)

    if kind in ("component", "page"):
        add(imports_component(r, app, ent, None))
        gens = [comp_list, comp_form, comp_card, comp_stats, js_helpers] if kind == "component" else \
               [page_block, comp_list, comp_card, comp_stats, comp_form]
        weights = [4, 3, 3, 2, 2] if kind == "component" else [4, 2, 2, 2, 1]
        if r.random() < 0.15:
            add(mock_data_block(r, app, ent))
        first = True
        while first or size < target:
            g = gens[0] if first else r.choices(gens, weights)[0]
            e = ent if first or r.random() < 0.6 else r.choice(app.ents)
            add(g(r, app, e))
            first = False
    elif kind == "hook":
        add(imports_hook(r, app))
        first = True
        while first or size < target:
            add(hook_block(r, app, ent if first else r.choice(app.ents)))
            first = False
    elif kind == "lib":
        add("import { clsx" + (", type ClassValue" if app.ts else "") + " } from 'clsx';\nimport { twMerge } from 'tailwind-merge';\n\n"
            f"export function cn(...inputs{ts_type(app, ': ClassValue[]')}) {{\n  return twMerge(clsx(inputs));\n}}\n\n")
        while size < target:
            add(js_helpers(r, app, r.choice(app.ents)))
    elif kind == "apiclient":
        add(api_request_fn(r, app))
        while size < target:
            e = r.choice(app.ents)
            add(api_client_block(r, app, e) if r.random() < 0.6 else js_helpers(r, app, e))
    elif kind == "types":
        add("// Shared domain types. Generated from the database schema, then edited by hand.\n\n")
        ents = list(app.ents)
        r.shuffle(ents)
        i = 0
        while size < target:
            add(ts_types(r, app, ents[i % len(ents)]))
            i += 1
    elif kind == "api":
        add(imports_api(r, app))
        if app.stack != "next":
            add("const router = express.Router();\n" + ("const prisma = new PrismaClient();\n" if app.prisma else "") + "\n"
                f"const {ent.c}Schema = z.object({{\n" + "".join(f"  {f}: z.{'number()' if t == 'number' else 'string()'}.optional(),\n" for f, _, t in ent.fields) + "});\n\n")
        first = True
        while first or size < target:
            e = ent if first or r.random() < 0.5 else r.choice(app.ents)
            if app.stack == "next":
                add(api_next(r, app, e) if first or r.random() < 0.5 else service_block(r, app, e))
            else:
                add(api_express(r, app, e) if first or r.random() < 0.25 else
                    api_express_action(r, app, e) if r.random() < 0.65 else service_block(r, app, e))
            first = False
        if app.stack != "next":
            add("export default router;\n")
    elif kind == "server":
        add("import express from 'express';\nimport cors from 'cors';\nimport helmet from 'helmet';\nimport rateLimit from 'express-rate-limit';\n"
            "import pino from 'pino';\n" + "".join(f"import {e.cpl}Router from './routes/{e.kebab}';\n" for e in app.ents) +
            "\nconst logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });\n\n")
        add(server_setup(r, app))
        while size < target:
            add(service_block(r, app, r.choice(app.ents)))
    elif kind == "middleware":
        add("import jwt from 'jsonwebtoken';\n" + ("import type { Request, Response, NextFunction } from 'express';\n" if app.ts else "") + "\n")
        add(middleware_block(r, app))
        while size < target:
            add(js_helpers(r, app, r.choice(app.ents)))
    elif kind == "service":
        add(("import Stripe from 'stripe';\n" if r.random() < 0.5 else "") + "import { supabase } from './supabase';\n\n")
        while size < target:
            add(service_block(r, app, r.choice(app.ents)))
    elif kind == "test":
        add("import { describe, it, expect, vi, beforeEach } from 'vitest';\nimport { render, screen } from '@testing-library/react';\n"
            "import userEvent from '@testing-library/user-event';\n\n")
        while size < target:
            add(test_block(r, app, r.choice(app.ents)))
    elif kind == "mock":
        while size < target:
            add(mock_data_block(r, app, r.choice(app.ents)))
    else:
        raise ValueError(kind)
    return "".join(parts), server, jsx_ok


def build_sql(r, app, target, ents):
    parts = [sql_header(r, app)]
    size = len(parts[0])
    i = 0
    while i < len(ents) or size < target:
        e = ents[i % len(ents)] if i < len(ents) else r.choice(app.ents)
        g = [sql_table, sql_rls] if i < len(ents) else r.choices([sql_table, sql_rls, sql_function, sql_seed, sql_alter], [2, 2, 2, 1, 1])
        for gen in (g if isinstance(g, list) else g):
            s = gen(r, app, e)
            parts.append(s)
            size += len(s)
        i += 1
    return "".join(parts)


CODE_KINDS_BY_STACK = {
    # kind: (weight, directory template, name style)
    "vite": [("component", 40), ("page", 12), ("hook", 8), ("lib", 6), ("apiclient", 3), ("types", 3),
             ("service", 4), ("test", 4), ("mock", 2), ("sql", 10)],
    "next": [("component", 36), ("page", 12), ("hook", 6), ("lib", 6), ("api", 12), ("types", 3),
             ("service", 4), ("test", 3), ("mock", 1), ("sql", 8)],
    "express": [("component", 30), ("page", 10), ("hook", 6), ("lib", 5), ("apiclient", 3), ("api", 14),
                ("middleware", 3), ("service", 5), ("types", 3), ("test", 4), ("sql", 8)],
}


SUBROUTES = ["search", "summary", "recent", "bulk", "history", "settings", "import", "archive", "stats",
             "share", "calendar", "timeline", "reports", "activity", "analytics", "duplicates"]


class NameBook:
    def __init__(self):
        self.used = set()

    def unique(self, path):
        if path not in self.used:
            self.used.add(path)
            return path
        d, _, base = path.rpartition("/")
        if base.split(".")[0] in ("route", "page"):  # Next.js: keep the file name, vary the folder
            for seg in SUBROUTES:
                p = f"{d}/{seg}/{base}"
                if p not in self.used:
                    self.used.add(p)
                    return p
        stem, dot, ext = path.rpartition(".")
        i = 2
        while f"{stem}{i}.{ext}" in self.used:
            i += 1
        p = f"{stem}{i}.{ext}"
        self.used.add(p)
        return p


def code_path(r, app, kind, ent, idx):
    x = "tsx" if app.ts else "jsx"
    j = "ts" if app.ts else "js"
    src = "src" if app.stack == "vite" else ("client/src" if app.stack == "express" else "")
    pre = (src + "/") if src else ""
    if kind == "component":
        folder = r.choice(["components", f"components/{ent.kebab}", "components/dashboard", "components/ui", "components/forms", "features/" + ent.kebab])
        name = f"{ent.P}{r.choice(['List', 'Card', 'Form', 'Table', 'Dialog', 'Filters', 'Header', 'Details', 'Stats', 'Chart', 'Item', 'Sidebar', 'Picker'])}"
        return f"{pre}{folder}/{name}.{x}"
    if kind == "page":
        if app.stack == "next":
            return f"app/{r.choice(['', '(dashboard)/', '(app)/'])}{ent.kebab}/{r.choice(['page', '[id]/page', 'new/page', 'edit/page'])}.{x}"
        return f"{pre}pages/{ent.Pl}{r.choice(['', 'Page', 'Detail', 'Settings', 'Admin'])}.{x}"
    if kind == "hook":
        return f"{pre}hooks/use{ent.Pl}{r.choice(['', 'Query', 'Mutations', 'Realtime'])}.{j}"
    if kind == "lib":
        return f"{pre}lib/{r.choice(['utils', 'format', 'validation', 'helpers', 'dates', 'strings', 'constants', ent.c + 'Utils'])}.{j}"
    if kind == "apiclient":
        return f"{pre}lib/{r.choice(['api', 'apiClient', 'http', ent.cpl + 'Api'])}.{j}"
    if kind == "types":
        return f"{pre}types/{r.choice(['index', ent.c, 'database', 'models'])}.{j}"
    if kind == "service":
        base = "server/services" if app.stack == "express" else (f"{pre}services" if app.stack == "vite" else "lib/services")
        return f"{base}/{ent.c}{r.choice(['Service', 'Notifications', 'Billing', 'Ai', 'Storage'])}.{j}"
    if kind == "test":
        return f"{pre}__tests__/{ent.P}{r.choice(['', 'List', 'Form', 'Utils'])}.test.{x}"
    if kind == "mock":
        return f"{pre}data/{r.choice(['mock', 'sample', 'seed', 'fixtures'])}{ent.Pl}.{j}"
    if kind == "api":
        if app.stack == "next":
            return f"app/api/{ent.kebab}/{r.choice(['route', '[id]/route', 'export/route', 'stats/route'])}.{j}"
        return f"server/routes/{ent.kebab}.{j}"
    if kind == "middleware":
        return f"server/middleware/{r.choice(['auth', 'roles', 'validate', 'errors'])}.{j}"
    if kind == "server":
        return f"server/index.{j}"
    if kind == "sql":
        return f"supabase/migrations/{20240101000000 + idx * 1010101 + r.randint(0, 999)}_{r.choice(['create', 'add', 'update', 'init'])}_{ent.table}.sql"
    raise ValueError(kind)


def node_modules_files(r, app):
    pkg = r.choice(["clsx", "tailwind-merge", "zod", "date-fns", "@supabase/postgrest-js", "react-hot-toast"])
    files = [
        ("node_modules/.package-lock.json", json.dumps({"name": app.name, "lockfileVersion": 3, "requires": True,
                                                       "packages": {f"node_modules/{pkg}": {"version": "1.2.3"}}}, indent=2) + "\n"),
        (f"node_modules/{pkg}/package.json", json.dumps({"name": pkg, "version": "1.2.3", "main": "dist/index.js"}, indent=2) + "\n"),
    ]
    if r.random() < 0.7:
        files.append((f"node_modules/{pkg}/dist/index.js",
                      "\"use strict\";var e=require(\"./x\");function t(n){console.log(n);return eval(n)}"
                      "module.exports=t;// TODO vendored\n" + ("var k=\"sk_live_" + rand_str(r, ALNUM, 24) + "\";\n") * r.randint(1, 3)))
    return files


def dist_files(r, app):
    h = rand_str(r, HEX, 8)
    return [(f"dist/assets/index-{h}.js",
             "(function(){const a=document.createElement('div');a.innerHTML='<b>x</b>';console.log('build');"
             f"const k=\"{jwt(r, app, 'anon')}\";fetch('http://localhost:3000/api')}})();\n" * r.randint(5, 40))]


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

class Writer:
    def __init__(self, out):
        self.out = out
        self.dirs = set()
        self.files = 0
        self.bytes = 0
        self.ignored_files = 0
        self.ignored_bytes = 0

    def write(self, rel_app, rel, text, counted=True):
        path = os.path.join(self.out, rel_app, rel)
        d = os.path.dirname(path)
        if d not in self.dirs:
            os.makedirs(d, exist_ok=True)
            self.dirs.add(d)
        data = text.encode("utf-8")
        with open(path, "wb") as fh:
            fh.write(data)
        if counted:
            self.files += 1
            self.bytes += len(data)
        else:
            self.ignored_files += 1
            self.ignored_bytes += len(data)
        return len(data)


def gen_app(r, app, n_files, writer, budget_left_fn, files_left_fn, sigma):
    """Generate one app with about n_files scanned files."""
    base = os.path.join(app.builder, app.task_id)
    book = NameBook()
    x = "tsx" if app.ts else "jsx"
    j = "ts" if app.ts else "js"
    src = "src/" if app.stack == "vite" else ("client/src/" if app.stack == "express" else "")
    made = 0

    def emit(rel, text):
        nonlocal made
        writer.write(base, book.unique(rel), text)
        made += 1

    # fixed files
    emit("package.json", package_json(r, app))
    emit(".gitignore", gitignore(r, app))
    emit("README.md", md_readme(r, app))
    env_plants = set()
    if r.random() < 0.45:
        env_plants = {k for k, p in {"jwt": 0.3, "vite_key": 0.25, "sk_live": 0.1, "localhost": 0.3}.items() if r.random() < p}
        emit(r.choice([".env", ".env", ".env.example", ".env.production"]), env_file(r, app, env_plants))
    if r.random() < 0.3:
        emit("Dockerfile", dockerfile(r, app))
    if app.stack != "next":
        emit("index.html", html_file(r, app))
    if app.supabase:
        plants = {"jwt"} if r.random() < 0.25 else set()
        emit(f"{src}integrations/supabase/client.{j}" if app.stack == "vite" else f"{src}lib/supabase.{j}",
             supabase_client_file(r, app, plants))
    if app.stack == "express":
        t = max(1500, int(budget_left_fn() / max(1, files_left_fn()) * 0.8))
        text, _, _ = build_code(r, app, "server", t, app.ents[0])
        text = fill_hooks(r, text, [plant_js(r, app, k, app.ents[0], True) for k in choose_plants(r, {**SERVER_RATES, "console": 1 / 10})], None)
        emit(f"server/index.{j}", text)
    css_t = int(r.lognormvariate(math.log(2500), 0.5))
    emit(f"{src}index.css" if src else "app/globals.css", css_file(r, app, css_t))
    if r.random() < 0.15:
        emit(f"scripts/{r.choice(['seed', 'import_data', 'backfill', 'export_report'])}.py",
             fill_hooks(r, py_file(r, app, int(r.lognormvariate(math.log(3000), 0.5))), [], None))

    # code files
    kinds = CODE_KINDS_BY_STACK[app.stack]
    names = [k for k, _ in kinds]
    weights = [w for _, w in kinds]
    sql_idx = 0
    while made < n_files:
        kind = r.choices(names, weights)[0]
        ent = r.choice(app.ents)
        files_left = max(1, files_left_fn())
        mean = max(600.0, budget_left_fn() / files_left)
        # lognormal with the requested mean; clamp the tails
        target = int(min(max(mean * r.lognormvariate(-sigma * sigma / 2, sigma), 350), mean * 9))
        if kind == "sql":
            ents = r.sample(app.ents, r.randint(1, 3))
            text = build_sql(r, app, target, ents)
            stmts = [plant_sql(r, k, r.choice(ents)) for k in choose_plants(r, SQL_RATES)]
            text = fill_hooks(r, text, stmts, None)
            rel = code_path(r, app, "sql", ents[0], sql_idx)
            sql_idx += 1
        else:
            text, server, jsx_ok = build_code(r, app, kind, target, ent)
            rates = dict(JS_RATES)
            if server:
                rates.update(SERVER_RATES)
                rates.pop("localstorage", None)
                rates.pop("innerhtml", None)
                rates.pop("vite_key", None)
            else:
                rates.pop("md5", None)
            if not app.prisma:
                rates.pop("rawsql", None)
            stmts = [plant_js(r, app, k, ent, server) for k in choose_plants(r, rates)]
            jsx = plant_jsx(r, ent) if jsx_ok and r.random() < JSX_RATE else None
            text = fill_hooks(r, text, stmts, jsx)
            rel = code_path(r, app, kind, ent, 0)
        emit(rel, text)

    # ignored folders (not counted)
    for rel, text in node_modules_files(r, app):
        writer.write(base, rel, text, counted=False)
    if r.random() < 0.3:
        for rel, text in dist_files(r, app):
            writer.write(base, rel, text, counted=False)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output directory (created; must be empty or absent)")
    ap.add_argument("--mb", type=float, default=100, help="target total size of scanned files in MB (10^6 bytes), default 100")
    ap.add_argument("--files", type=int, default=12000, help="target number of scanned files, default 12000")
    ap.add_argument("--apps", type=int, default=None, help="number of apps, default files/100")
    ap.add_argument("--seed", type=int, default=1, help="random seed, default 1")
    ap.add_argument("--force", action="store_true", help="write into a non-empty output directory")
    a = ap.parse_args(argv)

    if a.files < 1 or a.mb <= 0:
        ap.error("--files and --mb must be positive")
    apps = a.apps if a.apps else max(1, round(a.files / 100))
    apps = min(apps, a.files)
    if os.path.isdir(a.out) and os.listdir(a.out) and not a.force:
        ap.error(f"{a.out} exists and is not empty (use --force to write into it)")
    os.makedirs(a.out, exist_ok=True)

    t0 = time.perf_counter()
    total_target = a.mb * 1e6
    master = random.Random(f"cliffbench-corpus:{a.seed}")
    writer = Writer(a.out)
    domains = sorted(DOMAINS)
    # spread the file count over apps with some variation but an exact total
    raw = [master.lognormvariate(0, 0.35) for _ in range(apps)]
    scale = a.files / sum(raw)
    counts = [max(12, int(x * scale)) for x in raw]
    diff = a.files - sum(counts)
    i = 0
    while diff != 0 and apps > 0:
        k = i % apps
        if diff > 0:
            counts[k] += 1
            diff -= 1
        elif counts[k] > 12:
            counts[k] -= 1
            diff += 1
        i += 1
        if i > 10 * apps * (abs(diff) + 1):
            break
    planned_total = sum(counts)
    files_done_before = 0

    for idx in range(apps):
        builder = BUILDERS[idx % len(BUILDERS)] if idx < len(BUILDERS) else master.choice(BUILDERS)
        domain = domains[master.randrange(len(domains))]
        task_id = f"task-{idx + 1:04d}-{kebab(domain)}-{master.choice(['app', 'portal', 'tracker', 'manager', 'hub', 'studio', 'desk'])}"
        r = random.Random(f"cliffbench-app:{a.seed}:{idx}")
        app = App(r, builder, task_id, domain)
        start_files = writer.files

        def budget_left():
            return total_target - writer.bytes

        def files_left(start=start_files, n=counts[idx], before=files_done_before):
            return planned_total - before - (writer.files - start)

        gen_app(r, app, counts[idx], writer, budget_left, files_left, sigma=0.8)
        files_done_before += writer.files - start_files

    dt = time.perf_counter() - t0
    print(f"corpus: files={writer.files} bytes={writer.bytes} apps={apps} "
          f"ignored_files={writer.ignored_files} ignored_bytes={writer.ignored_bytes} "
          f"seed={a.seed} seconds={dt:.1f} out={a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
