import { createRoot } from "react-dom/client";
import App from "./App.tsx";
import "./index.css";
import { initMonitoring } from "./lib/monitoring";

// expect: G7.D2
initMonitoring(import.meta.env.VITE_SENTRY_DSN);

createRoot(document.getElementById("root")!).render(<App />);
