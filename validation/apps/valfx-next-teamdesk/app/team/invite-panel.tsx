"use client";

import { useEffect, useState } from "react";
import { toast } from "sonner";
import { inviteMember } from "@/app/actions/team";

type Member = { id: string; name: string; email: string; phone?: string };

export function InvitePanel() {
  const [members, setMembers] = useState<Member[]>([]);
  const [email, setEmail] = useState("");
  const [sending, setSending] = useState(false);

  useEffect(() => {
    fetch("/api/team/members").then((r) => r.json()).then(setMembers);
  }, []);

  async function handleInvite(formData: FormData) {
    setSending(true);
    const result = await inviteMember(formData);
    setSending(false);
    if (result?.error) return toast.error(result.error);
    // ok: G3.P1
    toast.success("Invitation sent");
  }

  const resendInvite = async (member: Member) => {
    setSending(true);
    await new Promise((resolve) => setTimeout(resolve, 700));
    setSending(false);
    // expect: G3.P1
    toast.success(`Invitation sent to ${member.email}`);
  };

  const textMember = (member: Member) => {
    console.log("texting", member.phone);
    // expect: G3.P1
    toast(`SMS sent to ${member.name}`);
  };

  const nudge = (member: Member) =>
    fetch("/api/team/nudge", { method: "POST", body: JSON.stringify({ id: member.id }) })
      // ok: G3.P1
      .then((r) => (r.ok ? toast.success("Reminder sent") : toast.error("Could not send the reminder")));

  return (
    <div className="space-y-4">
      <form action={handleInvite} className="flex gap-2">
        <input name="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="teammate@company.com" />
        <button disabled={sending}>Invite</button>
      </form>
      {members.map((m) => (
        <div key={m.id} className="flex gap-2">
          <span>{m.name}</span>
          <button onClick={() => resendInvite(m)}>Resend invite</button>
          <button onClick={() => textMember(m)}>Text</button>
          <button onClick={() => nudge(m)}>Nudge</button>
        </div>
      ))}
    </div>
  );
}
