import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useNotes, useSaveNote } from "@/hooks/useNotes";
import { excerpt, kindEmoji, type NoteKind } from "@/lib/noteKinds";
import { templates } from "@/data/templates";
import { supabase } from "@/integrations/supabase/client";

export default function Notes() {
  const { data: notes = [], isLoading } = useNotes();
  const save = useSaveNote();
  const [filter, setFilter] = useState<NoteKind | "all">("all");

  const visible = filter === "all" ? notes : notes.filter((n) => n.kind === filter);

  return (
    <div className="container mx-auto space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">Notes</h1>
        {/* ok: G2.P3 */}
        <Button variant="ghost" onClick={() => supabase.auth.signOut()}>Sign out</Button>
      </div>
      <div className="flex flex-wrap gap-2">
        {templates.map((t) => (
          <Button key={t.title} variant="outline" size="sm" onClick={() => save.mutate({ title: t.title, body: t.body, kind: t.kind })}>
            {kindEmoji(t.kind)} {t.title}
          </Button>
        ))}
      </div>
      <select className="rounded border p-2" value={filter} onChange={(e) => setFilter(e.target.value as NoteKind | "all")}>
        <option value="all">All notes</option>
        {templates.map((t) => <option key={t.kind} value={t.kind}>{t.kind}</option>)}
      </select>
      {isLoading ? (
        <p>Loading…</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-3">
          {visible.map((n) => (
            <Card key={n.id}>
              <CardHeader>
                <CardTitle>{kindEmoji(n.kind as NoteKind)} {n.title}</CardTitle>
              </CardHeader>
              <CardContent>{excerpt(n.body)}</CardContent>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
