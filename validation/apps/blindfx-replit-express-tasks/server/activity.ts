export type Activity = { userId: string; action: string; taskId?: number; at: string };

// Activity feed shown on the dashboard ("Alex completed 'Ship v2'")
// expect: G7.P2
const activityLog: Activity[] = [];

export function recordActivity(entry: Omit<Activity, "at">) {
  activityLog.unshift({ ...entry, at: new Date().toISOString() });
}

export function recentActivity(userId: string, limit = 20) {
  return activityLog.filter((a) => a.userId === userId).slice(0, limit);
}
