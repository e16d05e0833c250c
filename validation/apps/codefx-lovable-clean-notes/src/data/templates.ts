import type { NoteKind } from "@/lib/noteKinds";

// ok: G2.D2
export const templates: { kind: NoteKind; title: string; body: string; pinned: boolean; color: string }[] = [
  { kind: "meeting", title: "Weekly sync", body: "## Agenda\n\n## Decisions\n\n## Actions", pinned: false, color: "blue" },
  { kind: "journal", title: "Daily journal", body: "## Today I\n\n## Grateful for\n\n## Tomorrow", pinned: false, color: "amber" },
  { kind: "todo", title: "Checklist", body: "- [ ] \n- [ ] \n- [ ] ", pinned: true, color: "green" },
  { kind: "recipe", title: "Recipe", body: "## Ingredients\n\n## Steps", pinned: false, color: "red" },
  { kind: "reading", title: "Book notes", body: "## Key ideas\n\n## Quotes", pinned: false, color: "violet" },
  { kind: "travel", title: "Trip plan", body: "## Itinerary\n\n## Packing", pinned: false, color: "cyan" },
  { kind: "project", title: "Project brief", body: "## Goal\n\n## Scope\n\n## Risks", pinned: true, color: "slate" },
  { kind: "bug", title: "Bug report", body: "## Steps\n\n## Expected\n\n## Actual", pinned: false, color: "rose" },
  { kind: "idea", title: "Idea", body: "## Problem\n\n## Sketch", pinned: false, color: "yellow" },
  { kind: "snippet", title: "Snippet", body: "```\n\n```", pinned: false, color: "zinc" },
  { kind: "quote", title: "Quote", body: "> \n\n— ", pinned: false, color: "stone" },
  { kind: "draft", title: "Draft", body: "", pinned: false, color: "gray" },
];
