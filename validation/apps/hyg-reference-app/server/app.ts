import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { ZodError } from "zod";
import { tasks } from "./routes/tasks";
import { log } from "./logger";

export const app = express();

app.use(helmet());
app.use(express.json({ limit: "100kb" }));
app.use((req, res, next) => {
  const origin = process.env.CORS_ORIGIN;
  if (origin) res.setHeader("Access-Control-Allow-Origin", origin);
  next();
});
app.use("/api/tasks", tasks);

app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
  if (err instanceof ZodError) {
    res.status(400).json({ error: err.issues[0]?.message ?? "Invalid request" });
    return;
  }
  log("error", "unhandled error", { path: req.path, error: String(err) });
  res.status(500).json({ error: "Something went wrong" });
});
