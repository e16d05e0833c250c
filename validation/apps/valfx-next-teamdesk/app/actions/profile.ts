"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

// expect: G2.P2
export async function updateProfile(formData: FormData) {
  const user = await currentUser();
  if (!user) return { error: "Please sign in again" };
  const avatar = await fetch(`https://api.dicebear.com/7.x/initials/svg?seed=${user.id}`);
  if (!avatar.ok) return { error: "Avatar service unavailable" };
  await db.user.update({
    where: { id: user.id },
    data: { name: formData.get("name") as string, bio: formData.get("bio") as string, avatarSvg: await avatar.text() },
  });
  revalidatePath("/settings");
  return { ok: true };
}

// ok: G2.P2
export async function renameTeam(formData: FormData) {
  const user = await currentUser();
  if (!user?.teamId) return { error: "No team" };
  const name = String(formData.get("name") ?? "").trim();
  if (!name || name.length > 60) return { error: "Team name must be 1-60 characters" };
  await db.team.update({ where: { id: user.teamId }, data: { name } });
  revalidatePath("/team");
  return { ok: true };
}
