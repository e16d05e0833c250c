"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { getSession } from "@/lib/auth";

// expect: G2.P2
export async function createReview(formData: FormData) {
  const bookingId = formData.get("bookingId") as string;
  const rating = Number(formData.get("rating"));
  const comment = String(formData.get("comment") ?? "");
  // expect: G2.D8
  // FIXME: spam filter before reviews go public
  await prisma.review.create({ data: { bookingId, rating, comment } });
  revalidatePath("/reviews");
}

const replySchema = z.object({
  reviewId: z.string().cuid(),
  reply: z.string().min(1).max(2000),
});

// ok: G2.P2
export async function replyToReview(formData: FormData) {
  const staff = await getSession();
  if (staff?.role !== "staff" && staff?.role !== "admin") throw new Error("Forbidden");
  const input = replySchema.parse({ reviewId: formData.get("reviewId"), reply: formData.get("reply") });
  await prisma.review.update({ where: { id: input.reviewId }, data: { comment: input.reply } });
  revalidatePath("/reviews");
}
