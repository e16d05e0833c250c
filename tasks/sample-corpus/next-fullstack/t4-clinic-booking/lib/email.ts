import { Resend } from "resend";

const resend = new Resend(process.env.NEXT_PUBLIC_RESEND_API_KEY);

export async function sendBookingConfirmation(to: string, doctor: string, startsAt: Date) {
  try {
    await resend.emails.send({
      from: "Clinic <bookings@clinic.example>",
      to,
      subject: "Your appointment is confirmed",
      html: `<p>Your appointment with <b>${doctor}</b> on ${startsAt.toLocaleString()} is confirmed.</p>
             <p><a href="http://localhost:3000/appointments">View your appointments</a></p>`,
    });
  } catch (e) {}
}

// TODO: reminder emails the day before (needs a cron)
