import { useEffect, useState } from "react";
import { format, addDays, startOfWeek } from "date-fns";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useClasses } from "@/hooks/useMembers";
import { api } from "@/lib/api";
import { useToast } from "@/hooks/use-toast";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// ok: G2.D3
export default function Schedule() {
  const { data: classes = [], refetch } = useClasses();
  const [weekStart, setWeekStart] = useState(() => startOfWeek(new Date(), { weekStartsOn: 1 }));
  const [booking, setBooking] = useState<string | null>(null);
  const { toast } = useToast();

  useEffect(() => {
    document.title = `Schedule · week of ${format(weekStart, "MMM d")}`;
  }, [weekStart]);

  const book = async (classId: string) => {
    setBooking(classId);
    try {
      await api.post("/functions/v1/book-class", { classId });
      toast({ title: "Booked!", description: "See you in class." });
      refetch();
      // expect: G2.D4
    } catch (error: any) {
      toast({ title: "Booking failed", description: error.message });
    } finally {
      setBooking(null);
    }
  };

  // Any class the member can see is listed, whatever its level.
  // ok: G2.D4
  const byDay = (day: number) => classes.filter((c) => new Date(c.starts_at).getDay() === (day + 1) % 7);

  return (
    <div className="container mx-auto space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">Class schedule</h1>
        <div className="flex gap-2">
          <Button variant="outline" onClick={() => setWeekStart(addDays(weekStart, -7))}>Previous week</Button>
          <Button variant="outline" onClick={() => setWeekStart(startOfWeek(new Date(), { weekStartsOn: 1 }))}>Today</Button>
          <Button variant="outline" onClick={() => setWeekStart(addDays(weekStart, 7))}>Next week</Button>
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-7">

        <Card key="Mon">
          <CardHeader>
            <CardTitle className="text-sm">{DAYS[0]} {format(addDays(weekStart, 0), "d MMM")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {byDay(0).length === 0 && <p className="text-xs text-muted-foreground">No classes</p>}
            {byDay(0).map((c) => (
              <div key={c.id} className="rounded border p-2">
                <p className="font-medium">{c.title}</p>
                <p className="text-xs">{format(new Date(c.starts_at), "HH:mm")} · {c.room}</p>
                <Button size="sm" className="mt-1 w-full" disabled={booking === c.id} onClick={() => book(c.id)}>
                  {booking === c.id ? "Booking..." : "Book"}
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card key="Tue">
          <CardHeader>
            <CardTitle className="text-sm">{DAYS[1]} {format(addDays(weekStart, 1), "d MMM")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {byDay(1).length === 0 && <p className="text-xs text-muted-foreground">No classes</p>}
            {byDay(1).map((c) => (
              <div key={c.id} className="rounded border p-2">
                <p className="font-medium">{c.title}</p>
                <p className="text-xs">{format(new Date(c.starts_at), "HH:mm")} · {c.room}</p>
                <Button size="sm" className="mt-1 w-full" disabled={booking === c.id} onClick={() => book(c.id)}>
                  {booking === c.id ? "Booking..." : "Book"}
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card key="Wed">
          <CardHeader>
            <CardTitle className="text-sm">{DAYS[2]} {format(addDays(weekStart, 2), "d MMM")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {byDay(2).length === 0 && <p className="text-xs text-muted-foreground">No classes</p>}
            {byDay(2).map((c) => (
              <div key={c.id} className="rounded border p-2">
                <p className="font-medium">{c.title}</p>
                <p className="text-xs">{format(new Date(c.starts_at), "HH:mm")} · {c.room}</p>
                <Button size="sm" className="mt-1 w-full" disabled={booking === c.id} onClick={() => book(c.id)}>
                  {booking === c.id ? "Booking..." : "Book"}
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card key="Thu">
          <CardHeader>
            <CardTitle className="text-sm">{DAYS[3]} {format(addDays(weekStart, 3), "d MMM")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {byDay(3).length === 0 && <p className="text-xs text-muted-foreground">No classes</p>}
            {byDay(3).map((c) => (
              <div key={c.id} className="rounded border p-2">
                <p className="font-medium">{c.title}</p>
                <p className="text-xs">{format(new Date(c.starts_at), "HH:mm")} · {c.room}</p>
                <Button size="sm" className="mt-1 w-full" disabled={booking === c.id} onClick={() => book(c.id)}>
                  {booking === c.id ? "Booking..." : "Book"}
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card key="Fri">
          <CardHeader>
            <CardTitle className="text-sm">{DAYS[4]} {format(addDays(weekStart, 4), "d MMM")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {byDay(4).length === 0 && <p className="text-xs text-muted-foreground">No classes</p>}
            {byDay(4).map((c) => (
              <div key={c.id} className="rounded border p-2">
                <p className="font-medium">{c.title}</p>
                <p className="text-xs">{format(new Date(c.starts_at), "HH:mm")} · {c.room}</p>
                <Button size="sm" className="mt-1 w-full" disabled={booking === c.id} onClick={() => book(c.id)}>
                  {booking === c.id ? "Booking..." : "Book"}
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card key="Sat">
          <CardHeader>
            <CardTitle className="text-sm">{DAYS[5]} {format(addDays(weekStart, 5), "d MMM")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {byDay(5).length === 0 && <p className="text-xs text-muted-foreground">No classes</p>}
            {byDay(5).map((c) => (
              <div key={c.id} className="rounded border p-2">
                <p className="font-medium">{c.title}</p>
                <p className="text-xs">{format(new Date(c.starts_at), "HH:mm")} · {c.room}</p>
                <Button size="sm" className="mt-1 w-full" disabled={booking === c.id} onClick={() => book(c.id)}>
                  {booking === c.id ? "Booking..." : "Book"}
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card key="Sun">
          <CardHeader>
            <CardTitle className="text-sm">{DAYS[6]} {format(addDays(weekStart, 6), "d MMM")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            {byDay(6).length === 0 && <p className="text-xs text-muted-foreground">No classes</p>}
            {byDay(6).map((c) => (
              <div key={c.id} className="rounded border p-2">
                <p className="font-medium">{c.title}</p>
                <p className="text-xs">{format(new Date(c.starts_at), "HH:mm")} · {c.room}</p>
                <Button size="sm" className="mt-1 w-full" disabled={booking === c.id} onClick={() => book(c.id)}>
                  {booking === c.id ? "Booking..." : "Book"}
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
