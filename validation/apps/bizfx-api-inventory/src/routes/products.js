import { nanoid } from "nanoid";
import { products, paginate } from "../lib/store.js";

export default async function productRoutes(fastify) {
  // ok: G6.P2
  fastify.get("/", async (req) => {
    const limit = Math.min(Number(req.query.limit ?? 50), 200);
    const offset = Number(req.query.offset ?? 0);
    const q = (req.query.q ?? "").toLowerCase();
    const all = [...products.values()].filter((p) => !p.archived && (!q || p.name.toLowerCase().includes(q) || p.sku.includes(q)));
    return { items: paginate(all, limit, offset), total: all.length };
  });

  fastify.get("/:id", async (req, reply) => {
    const product = products.get(req.params.id);
    if (!product) return reply.code(404).send({ error: "not found" });
    return product;
  });

  fastify.post("/", async (req, reply) => {
    const { sku, name, reorderPoint = 10 } = req.body ?? {};
    if (!sku || !name) return reply.code(400).send({ error: "sku and name are required" });
    const product = { id: nanoid(), sku, name, reorderPoint, stock: 0, archived: false };
    products.set(product.id, product);
    return reply.code(201).send(product);
  });

  fastify.patch("/:id", async (req, reply) => {
    const product = products.get(req.params.id);
    if (!product) return reply.code(404).send({ error: "not found" });
    Object.assign(product, { name: req.body.name ?? product.name, reorderPoint: req.body.reorderPoint ?? product.reorderPoint });
    return product;
  });

  fastify.post("/:id/stock", async (req, reply) => {
    const product = products.get(req.params.id);
    if (!product) return reply.code(404).send({ error: "not found" });
    product.stock += Number(req.body.delta ?? 0);
    if (product.stock <= product.reorderPoint) req.log.warn({ sku: product.sku, stock: product.stock }, "below reorder point");
    return product;
  });

  fastify.post("/:id/archive", async (req, reply) => {
    const product = products.get(req.params.id);
    if (!product) return reply.code(404).send({ error: "not found" });
    product.archived = true;
    return reply.code(204).send();
  });
}
