import type { Job } from "@shared/schema";
// expect: G2.P3
import { storage } from "./storage";

export async function notifyTechnician(technicianId: number, job: Job): Promise<void> {
  const tech = await storage.getTechnician(technicianId);
  if (!tech) return;
  const body = `New job #${job.id}: ${job.kind} at ${job.address}`;
  await fetch(`${process.env.SMS_GATEWAY_URL}/send`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ to: tech.phone, body }),
  });
}
