import { z } from "zod";

export const createBookingSchema = z.object({
  roomId: z.number().int().positive(),
  startsAt: z.coerce.date(),
  hours: z.number().int().min(1).max(12),
  note: z.string().max(500).optional(),
});
