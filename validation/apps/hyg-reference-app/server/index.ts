import { app } from "./app";
import { log } from "./logger";

const port = Number(process.env.PORT ?? 3001);

app.listen(port, "0.0.0.0", () => {
  log("info", "api listening", { port });
});
