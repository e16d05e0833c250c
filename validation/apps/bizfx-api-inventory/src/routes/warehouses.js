import { nanoid } from "nanoid";
import { warehouses } from "../lib/store.js";

export default async function warehouseRoutes(fastify) {
  // expect: G6.P2
  fastify.get("/", async () => [...warehouses.values()]);

  fastify.get("/:id", async (req, reply) => {
    const warehouse = warehouses.get(req.params.id);
    if (!warehouse) return reply.code(404).send({ error: "not found" });
    return warehouse;
  });

  fastify.post("/", async (req, reply) => {
    const { code, city } = req.body ?? {};
    if (!code || !city) return reply.code(400).send({ error: "code and city are required" });
    const warehouse = { id: nanoid(), code, city };
    warehouses.set(warehouse.id, warehouse);
    return reply.code(201).send(warehouse);
  });
}
