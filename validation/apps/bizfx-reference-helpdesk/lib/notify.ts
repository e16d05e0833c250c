import { Resend } from "resend";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { logger } from "@/lib/logger";

const resend = new Resend(process.env.RESEND_API_KEY);

export async function notifyTicketUpdate(userId: string, email: string, subject: string, ticketId: string) {
  await supabaseAdmin.from("notifications").insert({ user_id: userId, title: subject, link: `/tickets/${ticketId}` });
  const { error } = await resend.emails.send({
    from: "Support <support@helpdesk.example>",
    to: email,
    subject,
    text: `There is an update on your ticket: ${process.env.APP_URL}/tickets/${ticketId}`,
  });
  // ok: G6.D2
  if (error) logger.error({ email, ticketId, err: error.message }, "ticket email failed");
  // ok: G6.D4
  else logger.info({ ticketId }, "ticket update email sent");
}
