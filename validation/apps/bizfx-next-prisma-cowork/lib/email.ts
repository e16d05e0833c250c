import { Resend } from "resend";

const resend = new Resend(process.env.RESEND_API_KEY);
const FROM = "DeskHub <bookings@deskhub.app>";

export async function sendBookingConfirmation(to: string, room: string, startsAt: Date) {
  // ok: G6.D4
  await resend.emails.send({
    from: FROM,
    to,
    subject: `Booking confirmed: ${room}`,
    text: `Your booking for ${room} on ${startsAt.toLocaleString("en-IN")} is confirmed.`,
  });
}
