import Fastify from "fastify";
import productRoutes from "./routes/products.js";
import warehouseRoutes from "./routes/warehouses.js";

const fastify = Fastify({ logger: true });

fastify.addHook("onRequest", async (req, reply) => {
  if (req.url === "/health") return;
  if (req.headers["x-api-key"] !== process.env.API_KEY) {
    reply.code(401).send({ error: "invalid api key" });
  }
});

fastify.get("/health", async () => ({ ok: true, uptime: process.uptime() }));

fastify.register(productRoutes, { prefix: "/products" });
fastify.register(warehouseRoutes, { prefix: "/warehouses" });

// TODO: email the buyer when stock drops below the reorder point
// TODO: admin dashboard for the ops team

fastify.listen({ port: Number(process.env.PORT ?? 4000), host: "0.0.0.0" });
