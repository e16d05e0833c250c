export function reportError(error: unknown) {
  if (import.meta.env.DEV) console.log("[dev] render error", error);
  console.error(error);
}
