import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ErrorBoundary } from "react-error-boundary";
import App from "./App";
import "./index.css";
import { reportError } from "./lib/report";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ErrorBoundary fallback={<p role="alert">Something went wrong. Reload the page.</p>} onError={reportError}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
