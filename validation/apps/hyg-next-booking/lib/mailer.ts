import { Resend } from "resend";

const resend = new Resend(process.env.RESEND_API_KEY);

export async function sendConfirmation(to: string, when: Date) {
  await resend.emails.send({
    from: "Clinic <bookings@clinic.example>",
    to,
    subject: "Your appointment is confirmed",
    text: `See you on ${when.toLocaleString("en-IN")}.`,
  });
}
