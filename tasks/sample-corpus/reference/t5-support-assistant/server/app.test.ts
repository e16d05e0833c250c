import { createHmac } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import request from "supertest";
import pino from "pino";
import { createApp, verifySignature, type Caller, type Deps, type Store } from "./app.js";

const SECRET = "whsec_test_0123456789abcdef0123456789abcdef";
const NOW = new Date("2026-10-14T12:00:00Z");
const ADMIN: Caller = { id: "6f1d2c3b-0000-4000-8000-000000000001", role: "admin" };
const AGENT: Caller = { id: "6f1d2c3b-0000-4000-8000-000000000002", role: "agent" };

const sign = (body: string, t = Math.floor(NOW.getTime() / 1000)) =>
  `t=${t},v1=${createHmac("sha256", SECRET).update(`${t}.${body}`).digest("hex")}`;

const inbound = JSON.stringify({
  messageId: "<abc123@mail.example>",
  inReplyTo: null,
  from: { email: "Jane@Example.com", name: "Jane Cooper" },
  subject: "Kettle not delivered",
  text: "Hi, my kettle has not arrived.",
});

let store: Store;
let deps: Deps;

beforeEach(() => {
  store = {
    ping: vi.fn().mockResolvedValue(undefined),
    saveInbound: vi.fn().mockResolvedValue({ ticketId: "t-1", status: "created" }),
    inviteAgent: vi.fn().mockResolvedValue("new-agent-id"),
    updateAgent: vi.fn().mockResolvedValue(undefined),
  };
  const tokens: Record<string, Caller> = { "admin-token": ADMIN, "agent-token": AGENT };
  deps = {
    store,
    verifyToken: async (token) => tokens[token] ?? null,
    logger: pino({ level: "silent" }),
    config: { supabaseUrl: "https://project.supabase.co", inboundSecret: SECRET },
    now: () => NOW,
  };
});

describe("GET /health", () => {
  it("answers 200 with security headers", async () => {
    const res = await request(createApp(deps)).get("/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", db: "ok" });
    expect(res.headers["content-security-policy"]).toContain("connect-src 'self' https://project.supabase.co");
    expect(res.headers["strict-transport-security"]).toContain("max-age=31536000");
  });

  it("answers 503 when the database is unreachable", async () => {
    vi.mocked(store.ping).mockRejectedValueOnce(new Error("timeout"));
    const res = await request(createApp(deps)).get("/health");
    expect(res.status).toBe(503);
  });
});

describe("POST /api/inbound-email", () => {
  const post = (body: string, signature?: string) => {
    const req = request(createApp(deps)).post("/api/inbound-email").set("Content-Type", "application/json");
    return (signature ? req.set("x-inbound-signature", signature) : req).send(body);
  };

  it("stores a correctly signed email with a normalised sender", async () => {
    const res = await post(inbound, sign(inbound));
    expect(res.status).toBe(201);
    expect(store.saveInbound).toHaveBeenCalledWith(expect.objectContaining({ from: { email: "jane@example.com", name: "Jane Cooper" } }));
  });

  it("rejects unsigned, forged and replayed requests", async () => {
    expect((await post(inbound)).status).toBe(401);
    expect((await post(inbound, sign('{"forged":true}'))).status).toBe(401);
    const oldT = Math.floor(NOW.getTime() / 1000) - 3600;
    expect((await post(inbound, sign(inbound, oldT))).status).toBe(401);
    expect(store.saveInbound).not.toHaveBeenCalled();
  });

  it("answers 200 for a redelivered email without storing it twice", async () => {
    vi.mocked(store.saveInbound).mockResolvedValueOnce({ ticketId: "t-1", status: "duplicate" });
    const res = await post(inbound, sign(inbound));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("duplicate");
  });

  it("rejects a signed but malformed payload with 400", async () => {
    const bad = JSON.stringify({ messageId: "x" });
    expect((await post(bad, sign(bad))).status).toBe(400);
  });
});

describe("admin API", () => {
  it("lets an admin invite an agent", async () => {
    const res = await request(createApp(deps))
      .post("/api/admin/agents")
      .set("Authorization", "Bearer admin-token")
      .send({ email: "sam@nestware.example", displayName: "Sam", role: "agent" });
    expect(res.status).toBe(201);
    expect(store.inviteAgent).toHaveBeenCalledWith("sam@nestware.example", "Sam", "agent");
  });

  it("does not let an agent promote themselves", async () => {
    const res = await request(createApp(deps))
      .patch(`/api/admin/agents/${AGENT.id}`)
      .set("Authorization", "Bearer agent-token")
      .send({ role: "admin" });
    expect(res.status).toBe(403);
    expect(store.updateAgent).not.toHaveBeenCalled();
  });

  it("does not let an admin lock themselves out", async () => {
    const res = await request(createApp(deps))
      .patch(`/api/admin/agents/${ADMIN.id}`)
      .set("Authorization", "Bearer admin-token")
      .send({ active: false });
    expect(res.status).toBe(409);
  });

  it("rejects unknown fields", async () => {
    const res = await request(createApp(deps))
      .patch(`/api/admin/agents/${AGENT.id}`)
      .set("Authorization", "Bearer admin-token")
      .send({ role: "agent", isSuperuser: true });
    expect(res.status).toBe(400);
  });
});

describe("verifySignature", () => {
  it("accepts the exact body and rejects a tampered one", () => {
    const header = sign(inbound);
    expect(verifySignature(header, Buffer.from(inbound), SECRET, NOW)).toBe(true);
    expect(verifySignature(header, Buffer.from(inbound + " "), SECRET, NOW)).toBe(false);
  });
});
