declare module "umami-tracker" {
  // ok: G2.D4
  export function track(event: string, data?: Record<string, any>): void
}
