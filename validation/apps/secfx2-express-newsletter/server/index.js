import express from "express";
import publicRoutes from "./routes/public.js";
import apiRoutes from "./routes/api.js";

const app = express();
app.use(express.json());
app.use(express.urlencoded({ extended: false }));

app.use("/", publicRoutes);
app.use("/api", apiRoutes);

app.use((err, _req, res, _next) => {
  console.error(err);
  res.status(500).send("<h1>Something went wrong</h1>");
});

const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`Newsletter hub listening on ${port}`));
