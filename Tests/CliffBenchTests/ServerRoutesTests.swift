import XCTest
@testable import CliffBench

/// The server-routes model across frameworks: paths, methods, mounts, guards and kinds.
final class ServerRoutesTests: XCTestCase {
    private func build(_ files: [String: String]) -> ServerRoutes {
        let m = PatternMatcher(rules: [])
        let scanned = files.map { ScannedFile(path: $0.key, language: Language.detect(path: $0.key) ?? .text, bytes: Array($0.value.utf8), matcher: m) }
            .sorted { $0.path < $1.path }
        let app = AppContext(info: AppInfo(builder: "test", task: "test"), files: scanned, skipped: [], matcher: m, reports: [:])
        return ServerRoutes.build(app)
    }

    private func route(_ r: ServerRoutes, _ method: String, _ path: String, file: StaticString = #filePath, line: UInt = #line) -> ServerRoute? {
        let found = r.routes.first { $0.path == path && ($0.methods.contains(method) || $0.methods == ["ANY"]) }
        if found == nil {
            XCTFail("no \(method) \(path) in \(r.routes.map { "\($0.methods) \($0.path)" })", file: file, line: line)
        }
        return found
    }

    func testExpressMountedRoutersInheritPrefixAndMiddleware() {
        let r = build([
            "server/index.js": """
                const express = require('express');
                const authRoutes = require('./routes/auth');
                const adminRoutes = require('./routes/admin');
                const { requireAuth } = require('./middleware/auth');
                const app = express();
                app.use(express.json());
                app.use('/api/auth', authRoutes);
                app.use('/api/admin', requireAuth, adminRoutes);
                app.get('/health', (req, res) => res.json({ ok: true }));
                app.listen(3000);
                """,
            "server/routes/auth.js": """
                const router = require('express').Router();
                router.post('/login', async (req, res) => {
                  const ok = await bcrypt.compare(req.body.password, user.hash);
                  res.json({ ok });
                });
                router.post('/forgot-password', (req, res) => res.sendStatus(204));
                module.exports = router;
                """,
            "server/routes/admin.js": """
                const express = require('express');
                const router = express.Router();
                router.get('/users', (req, res) => res.json([]));
                router.delete('/users/:id', (req, res) => res.sendStatus(204));
                module.exports = router;
                """,
            "server/middleware/auth.js": """
                exports.requireAuth = (req, res, next) => { if (!req.headers.authorization) return res.sendStatus(401); next(); };
                """,
        ])
        XCTAssertEqual(r.routes.count, 5)
        let login = route(r, "POST", "/api/auth/login")
        XCTAssertEqual(login?.framework, .express)
        XCTAssertEqual(login?.authAction, .login)
        XCTAssertTrue(login?.isAuthEndpoint ?? false)
        XCTAssertFalse(login?.isGuarded ?? true)
        XCTAssertEqual(route(r, "POST", "/api/auth/forgot-password")?.authAction, .passwordReset)
        let users = route(r, "GET", "/api/admin/users")
        XCTAssertTrue(users?.isGuarded ?? false)
        XCTAssertEqual(users?.guards.first?.evidence, "requireAuth")
        XCTAssertEqual(users?.guards.first?.source, .middleware)
        XCTAssertTrue(route(r, "DELETE", "/api/admin/users/:id")?.isGuarded ?? false)
        XCTAssertFalse(route(r, "GET", "/health")?.isGuarded ?? true)
        XCTAssertTrue(r.hasServer)
        XCTAssertEqual(r.serverEntries.first?.path, "server/index.js")
    }

    func testExpressOrderOfAppUseAndInHandlerChecks() {
        let r = build([
            "server/routes.ts": """
                import type { Express } from "express";
                import { storage } from "./storage";
                export async function registerRoutes(app: Express) {
                  app.get("/api/public", (req, res) => res.json({}));
                  app.get("/api/me", (req, res) => {
                    if (!req.isAuthenticated()) return res.sendStatus(401);
                    res.json(req.user);
                  });
                  app.use(isAuthenticated);
                  app.get("/api/orders", async (req, res) => res.json(await storage.orders()));
                  app.post("/api/upload", upload.single("file"), async (req, res) => res.json({ name: req.file?.originalname }));
                  app.post("/api/webhooks/stripe", handleStripe);
                }
                async function handleStripe(req, res) {
                  const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], secret);
                  res.json({ received: true });
                }
                """,
        ])
        XCTAssertFalse(route(r, "GET", "/api/public")?.isGuarded ?? true)
        XCTAssertEqual(route(r, "GET", "/api/me")?.guards.first?.source, .inHandler)
        XCTAssertEqual(route(r, "GET", "/api/orders")?.guards.first?.evidence, "isAuthenticated")
        let upload = route(r, "POST", "/api/upload")
        XCTAssertTrue(upload?.isUpload ?? false)
        let hook = route(r, "POST", "/api/webhooks/stripe")
        XCTAssertTrue(hook?.isWebhook ?? false)
        // The named handler was resolved to its body.
        XCTAssertGreaterThan(hook?.handler.count ?? 0, 100)
    }

    func testClientCallsAreNotRoutes() {
        let r = build([
            "src/lib/api.ts": """
                import axios from 'axios';
                export const api = axios.create({ baseURL: '/api' });
                export const login = (email: string, password: string) => api.post('/auth/login', { email, password });
                export const me = () => axios.get('/api/me', { headers });
                """,
            "src/pages/Home.tsx": """
                const params = new URLSearchParams(location.search);
                const q = params.get('/q');
                """,
        ])
        XCTAssertTrue(r.routes.isEmpty, "\(r.routes.map(\.path))")
        XCTAssertFalse(r.hasServer)
    }

    func testFastifyAndHono() {
        let r = build([
            "src/server.ts": """
                import Fastify from 'fastify';
                const fastify = Fastify();
                fastify.route({ method: 'POST', url: '/signup', handler: async (request, reply) => ({ ok: true }) });
                fastify.get('/me', { preHandler: [fastify.authenticate] }, async (request, reply) => request.user);
                """,
            "worker/src/index.ts": """
                import { Hono } from 'hono';
                import { jwt } from 'hono/jwt';
                const app = new Hono();
                app.use('/api/*', jwt({ secret: env.SECRET }));
                app.post('/api/notes', async (c) => c.json({}));
                app.post('/auth/magic-link', async (c) => c.json({}));
                export default app;
                """,
        ])
        XCTAssertEqual(route(r, "POST", "/signup")?.framework, .fastify)
        XCTAssertEqual(route(r, "POST", "/signup")?.authAction, .signup)
        XCTAssertEqual(route(r, "GET", "/me")?.guards.first?.evidence, "fastify.authenticate")
        XCTAssertEqual(route(r, "POST", "/api/notes")?.framework, .hono)
        XCTAssertTrue(route(r, "POST", "/api/notes")?.isGuarded ?? false)
        XCTAssertFalse(route(r, "POST", "/auth/magic-link")?.isGuarded ?? true)
        XCTAssertEqual(route(r, "POST", "/auth/magic-link")?.authAction, .magicLink)
    }

    func testNextAppRouterPagesRouterMiddlewareAndServerActions() {
        let r = build([
            "app/api/posts/[id]/route.ts": """
                import { getServerSession } from 'next-auth';
                export async function GET(req: Request, { params }: { params: { id: string } }) {
                  return Response.json(await db.post.findUnique({ where: { id: params.id } }));
                }
                export async function DELETE(req: Request) {
                  const session = await getServerSession(authOptions);
                  if (!session) return new Response(null, { status: 401 });
                  return Response.json({ ok: true });
                }
                """,
            "app/(admin)/dashboard/api/stats/route.ts": """
                export const GET = async () => Response.json({});
                """,
            "app/api/auth/[...nextauth]/route.ts": """
                import NextAuth from 'next-auth';
                const handler = NextAuth(authOptions);
                export { handler as GET, handler as POST };
                """,
            "pages/api/users/index.ts": """
                export default async function handler(req, res) {
                  if (req.method === 'POST') return res.status(201).json({});
                  res.json([]);
                }
                """,
            "middleware.ts": """
                export { default } from 'next-auth/middleware';
                export const config = { matcher: ['/dashboard/:path*'] };
                """,
            "app/actions.ts": """
                'use server'
                export async function signUp(formData: FormData) { await db.user.create({ data: {} }); }
                export async function deletePost(id: string) { const { userId } = auth(); if (!userId) throw new Error('no'); }
                """,
        ])
        let get = route(r, "GET", "/api/posts/:id")
        XCTAssertEqual(get?.framework, .nextApp)
        XCTAssertFalse(get?.isGuarded ?? true)
        XCTAssertEqual(route(r, "DELETE", "/api/posts/:id")?.guards.first?.evidence, "getServerSession(")
        // The route group vanishes from the path, and middleware covers /dashboard.
        XCTAssertEqual(route(r, "GET", "/dashboard/api/stats")?.guards.first?.source, .nextMiddleware)
        XCTAssertEqual(route(r, "POST", "/api/auth/*nextauth")?.authAction, .authLibrary)
        let users = route(r, "POST", "/api/users")
        XCTAssertEqual(users?.framework, .nextPages)
        XCTAssertEqual(users?.methods, ["POST"])
        let signUp = r.routes.first { $0.path == "action:signUp" }
        XCTAssertEqual(signUp?.framework, .serverAction)
        XCTAssertEqual(signUp?.authAction, .signup)
        XCTAssertEqual(r.routes.first { $0.path == "action:deletePost" }?.guards.first?.evidence, "auth()")
    }

    func testSupabaseEdgeAndFirebaseFunctions() {
        let r = build([
            "supabase/functions/send-otp/index.ts": """
                import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
                serve(async (req) => {
                  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
                  return new Response(JSON.stringify({ sent: true }));
                });
                """,
            "supabase/functions/delete-account/index.ts": """
                Deno.serve(async (req) => {
                  const { data: { user } } = await supabase.auth.getUser(req.headers.get('Authorization')!.replace('Bearer ', ''));
                  return new Response('ok');
                });
                """,
            "supabase/functions/_shared/cors.ts": "export const corsHeaders = {};",
            "functions/src/index.ts": """
                import * as functions from 'firebase-functions';
                export const addMessage = functions.https.onCall(async (data, context) => {
                  if (!context.auth) throw new functions.https.HttpsError('unauthenticated', 'no');
                  return { ok: true };
                });
                export const resetPassword = functions.https.onRequest(async (req, res) => { res.send('ok'); });
                """,
        ])
        let otp = route(r, "ANY", "/functions/v1/send-otp")
        XCTAssertEqual(otp?.framework, .supabaseEdge)
        XCTAssertEqual(otp?.authAction, .otp)
        XCTAssertFalse(otp?.isGuarded ?? true)
        XCTAssertEqual(route(r, "ANY", "/functions/v1/delete-account")?.guards.first?.evidence, ".auth.getUser(")
        XCTAssertEqual(r.routes.filter { $0.framework == .supabaseEdge }.count, 2)
        let add = route(r, "POST", "/addMessage")
        XCTAssertEqual(add?.framework, .firebase)
        XCTAssertEqual(add?.guards.first?.evidence, "context.auth")
        XCTAssertEqual(route(r, "ANY", "/resetPassword")?.authAction, .passwordReset)
    }

    func testFlaskAndFastAPI() {
        let r = build([
            "app.py": """
                from flask import Flask, request, session
                from flask_login import login_required
                from .auth import auth_bp
                app = Flask(__name__)
                app.register_blueprint(auth_bp, url_prefix='/auth')

                @app.route('/api/notes', methods=['GET', 'POST'])
                @login_required
                def notes():
                    return []

                @app.get('/api/public')
                def public():
                    return {"ok": True}
                """,
            "auth.py": """
                from flask import Blueprint
                auth_bp = Blueprint('auth', __name__)

                @auth_bp.post('/login')
                def login():
                    user = User.query.filter_by(email=request.json['email']).first()
                    return {"ok": check_password_hash(user.pw, request.json['password'])}
                """,
            "api/main.py": """
                from fastapi import FastAPI, Depends, APIRouter
                app = FastAPI()
                router = APIRouter(prefix="/items")

                @router.get("/{item_id}")
                async def read_item(item_id: int, user: User = Depends(get_current_user)):
                    return {"id": item_id}

                @app.post("/token")
                async def login_for_access_token(form: OAuth2PasswordRequestForm = Depends()):
                    return {}
                app.include_router(router)
                """,
        ])
        let notes = route(r, "POST", "/api/notes")
        XCTAssertEqual(notes?.framework, .flask)
        XCTAssertEqual(notes?.methods, ["GET", "POST"])
        XCTAssertEqual(notes?.guards.first?.source, .decorator)
        XCTAssertFalse(route(r, "GET", "/api/public")?.isGuarded ?? true)
        let login = route(r, "POST", "/auth/login")
        XCTAssertEqual(login?.authAction, .login)
        let item = route(r, "GET", "/items/:item_id")
        XCTAssertEqual(item?.framework, .fastapi)
        XCTAssertEqual(item?.guards.first?.source, .dependency)
        XCTAssertEqual(route(r, "POST", "/token")?.authAction, .login)
    }

    func testDjangoUrlsAndViews() {
        let r = build([
            "project/urls.py": """
                from django.urls import path, include
                urlpatterns = [path('api/', include('accounts.urls'))]
                """,
            "accounts/urls.py": """
                from django.urls import path
                from . import views
                urlpatterns = [
                    path('login/', views.login_view, name='login'),
                    path('profile/', views.profile, name='profile'),
                ]
                """,
            "accounts/views.py": """
                from django.contrib.auth.decorators import login_required
                from django.views.decorators.http import require_POST

                @require_POST
                def login_view(request):
                    return JsonResponse({})

                @login_required
                def profile(request):
                    return JsonResponse({})
                """,
        ])
        let login = route(r, "POST", "/api/login/")
        XCTAssertEqual(login?.framework, .django)
        XCTAssertEqual(login?.methods, ["POST"])
        XCTAssertEqual(login?.authAction, .login)
        XCTAssertFalse(login?.isGuarded ?? true)
        XCTAssertEqual(login?.handlerFile, "accounts/views.py")
        XCTAssertTrue(route(r, "GET", "/api/profile/")?.isGuarded ?? false)
    }

    func testAuthActionVocabulary() {
        XCTAssertEqual(AuthVocabulary.authAction(path: "/api/auth/sign-in", name: nil, methods: ["POST"]), .login)
        XCTAssertEqual(AuthVocabulary.authAction(path: "/api/register", name: nil, methods: ["POST"]), .signup)
        XCTAssertNil(AuthVocabulary.authAction(path: "/api/events/:id/register", name: nil, methods: ["POST"]))
        XCTAssertNil(AuthVocabulary.authAction(path: "/api/designing", name: nil, methods: ["GET"]))
        XCTAssertEqual(AuthVocabulary.authAction(path: "/verify-otp", name: nil, methods: ["POST"]), .otp)
        XCTAssertEqual(AuthVocabulary.authAction(path: "", name: "resetPassword", methods: ["POST"]), .passwordReset)
        XCTAssertEqual(AuthVocabulary.authAction(path: "/auth/logout", name: nil, methods: ["POST"]), .logout)
        XCTAssertTrue(AuthVocabulary.isGuardName("passport.authenticate('jwt', { session: false })"))
        XCTAssertFalse(AuthVocabulary.isGuardName("passport.authenticate('local')"))
        XCTAssertFalse(AuthVocabulary.isGuardName("authRouter"))
        XCTAssertFalse(AuthVocabulary.isGuardName("session({ secret })"))
        XCTAssertFalse(AuthVocabulary.isGuardName("csrfProtection"))
        XCTAssertTrue(AuthVocabulary.isGuardName("@login_required"))
        XCTAssertTrue(AuthVocabulary.isRateLimiterName("loginLimiter"))
    }

    func testNextMiddlewareMatchers() {
        let m = NextMiddleware(path: "middleware.ts", matchers: ["/((?!_next/static|_next/image|favicon.ico).*)"], authEvidence: "updateSession",
                               rateLimits: false, setsSecurityHeaders: false)
        XCTAssertTrue(m.covers("/api/posts"))
        XCTAssertFalse(m.covers("/_next/static/chunk.js"))
        let n = NextMiddleware(path: "middleware.ts", matchers: ["/dashboard/:path*", "/api/:path*"], authEvidence: nil, rateLimits: false, setsSecurityHeaders: false)
        XCTAssertTrue(n.covers("/api/x"))
        XCTAssertFalse(n.covers("/login"))
    }

    func testRouteContractsLimitersAndChains() {
        let r = build([
            "shared/routes.ts": """
                export const api = {
                  auth: {
                    login: { method: 'POST' as const, path: '/api/login' as const },
                    register: { method: 'POST' as const, path: '/api/register' as const },
                  },
                };
                """,
            "server/routes.ts": """
                import type { Express } from "express";
                import { api } from "@shared/routes";
                import rateLimit from "express-rate-limit";
                const limiter = rateLimit({ windowMs: 60_000, limit: 5 });
                export function registerRoutes(app: Express) {
                  app.use('/api/login', limiter);
                  app.post(api.auth.login.path, passport.authenticate("local"), (req, res) => res.json(req.user));
                  app.post(api.auth.register.path, async (req, res) => res.json(await createUser(req.body)));
                }
                """,
            "worker/index.ts": """
                import { Hono } from 'hono';
                const app = new Hono().post('/api/upload', async (c) => c.json({})).get('/api/items/:id', async (c) => c.json({}));
                export default app;
                """,
            "server/koa.js": """
                const Router = require('@koa/router');
                const router = new Router();
                router.post('/signin', async (ctx) => { ctx.body = await signIn(ctx.request.body); });
                router.get('/me', async (ctx) => { if (!ctx.state.user) ctx.throw(401); ctx.body = ctx.state.user; });
                module.exports = router;
                """,
        ])
        let login = route(r, "POST", "/api/login")
        XCTAssertEqual(login?.authAction, .login)
        XCTAssertEqual(login?.middleware.map(\.text).contains("limiter"), true, "an app.use path limiter is middleware, not a mounted router")
        XCTAssertFalse(login?.isGuarded ?? true, "passport.authenticate('local') is the login itself, not a guard")
        XCTAssertEqual(route(r, "POST", "/api/register")?.authAction, .signup)
        XCTAssertEqual(route(r, "POST", "/api/upload")?.framework, .hono)
        XCTAssertTrue(route(r, "POST", "/api/upload")?.isUpload ?? false)
        XCTAssertEqual(route(r, "GET", "/api/items/:id")?.framework, .hono)
        XCTAssertEqual(route(r, "POST", "/signin")?.framework, .koa)
        XCTAssertEqual(route(r, "POST", "/signin")?.authAction, .login)
        XCTAssertEqual(route(r, "GET", "/me")?.guards.first?.evidence, "ctx.state.user")
    }

    func testInlineServerActionsAndFlaskBlueprintGuards() {
        let r = build([
            "app/notes/page.tsx": """
                export default function Page() {
                  async function createNote(formData: FormData) {
                    'use server'
                    const session = await getServerSession(authOptions);
                    await db.note.create({ data: { text: formData.get('text') } });
                  }
                  return <form action={createNote} />;
                }
                """,
            "admin.py": """
                from flask import Blueprint, session, abort
                admin = Blueprint('admin', __name__, url_prefix='/admin')

                @admin.before_request
                def require_admin():
                    if not session.get('user_id'):
                        abort(401)

                @admin.post('/users/<int:user_id>/delete')
                def delete_user(user_id):
                    return '', 204
                """,
        ])
        let action = r.routes.first { $0.path == "action:createNote" }
        XCTAssertEqual(action?.framework, .serverAction)
        XCTAssertEqual(action?.guards.first?.evidence, "getServerSession(")
        let del = route(r, "POST", "/admin/users/:user_id/delete")
        XCTAssertEqual(del?.framework, .flask)
        XCTAssertTrue(del?.isGuarded ?? false, "a blueprint's before_request identity check guards its routes")
    }
}
