import { z } from 'zod';

export const ticketInput = z.object({
  subject: z.string().min(3).max(200),
  body: z.string().min(1).max(10_000),
  customerEmail: z.string().email(),
  priority: z.enum(['low', 'normal', 'urgent']),
});

export const replyInput = z.object({ body: z.string().min(1).max(10_000), author: z.string().min(1) });
