import express from "express";
import { tripsRouter } from "./routes/trips";
import { vehiclesRouter } from "./routes/vehicles";

const app = express();
app.use(express.json());

// Per-IP request counts for the simple rate limiter
// ok: G7.P2
const rateLimits = new Map<string, number>();
app.use((req, res, next) => {
  const n = (rateLimits.get(req.ip ?? "") ?? 0) + 1;
  rateLimits.set(req.ip ?? "", n);
  if (n > 300) return res.status(429).end();
  next();
});

app.use("/api/trips", tripsRouter);
app.use("/api/vehicles", vehiclesRouter);

app.listen(Number(process.env.PORT ?? 3001), () => console.log("API ready"));
