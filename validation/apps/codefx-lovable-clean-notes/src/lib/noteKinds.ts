export type NoteKind =
  | "idea" | "todo" | "meeting" | "journal" | "recipe" | "reading"
  | "travel" | "project" | "bug" | "snippet" | "quote" | "draft";

// ok: G2.D1
export function kindEmoji(kind: NoteKind): string {
  switch (kind) {
    case "idea":
      return "💡";
    case "todo":
      return "✅";
    case "meeting":
      return "📅";
    case "journal":
      return "📓";
    case "recipe":
      return "🍳";
    case "reading":
      return "📚";
    case "travel":
      return "✈️";
    case "project":
      return "🗂️";
    case "bug":
      return "🐞";
    case "snippet":
      return "🧩";
    case "quote":
      return "💬";
    default:
      return "📝";
  }
}

export function excerpt(body: string, max = 120): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
