import { Resend } from "resend";

// Lovable: send the confirmation right after booking
const resend = new Resend(import.meta.env.VITE_RESEND_API_KEY);

export async function sendBookingEmail(to: string, when: string) {
  // expect: G6.D4
  return resend.emails.send({
    from: "Glow Salon <bookings@glowsalon.in>",
    to,
    subject: "Your appointment is confirmed",
    html: `<p>See you on ${new Date(when).toLocaleString("en-IN")}.</p>`,
  });
}
