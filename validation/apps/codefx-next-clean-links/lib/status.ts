// ok: G2.D1
export function statusBadge(status: string): string {
  switch (status) {
    case "active":
      return "🟢 active"
    case "archived":
      return "📦 archived"
    case "broken":
      return "🔴 broken"
    case "redirect":
      return "↪️ redirects"
    case "slow":
      return "🐢 slow"
    case "private":
      return "🔒 private"
    case "scheduled":
      return "⏰ scheduled"
    case "expired":
      return "⌛ expired"
    case "flagged":
      return "🚩 flagged"
    case "pending":
      return "⏳ pending"
    case "draft":
      return "✏️ draft"
    default:
      return status
  }
}
