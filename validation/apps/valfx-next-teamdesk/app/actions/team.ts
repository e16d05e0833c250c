"use server";

import { Resend } from "resend";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

const resend = new Resend(process.env.RESEND_API_KEY);
const InviteInput = z.object({ email: z.string().email(), note: z.string().max(300).optional() });

// ok: G2.P2
export async function inviteMember(formData: FormData) {
  const user = await currentUser();
  if (!user?.teamId) return { error: "No team" };
  const input = InviteInput.parse({ email: formData.get("email"), note: formData.get("note") ?? undefined });
  await db.invite.create({ data: { email: input.email, teamId: user.teamId } });
  const { error } = await resend.emails.send({
    from: "TeamDesk <invites@teamdesk.example>",
    to: input.email,
    subject: `${user.name} invited you to TeamDesk`,
    html: `<p>${input.note ?? "Join my team on TeamDesk."}</p>`,
  });
  if (error) throw new Error(error.message);
  return { ok: true };
}
