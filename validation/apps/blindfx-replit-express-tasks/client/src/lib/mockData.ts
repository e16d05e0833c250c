export const mockTeamMembers = [
  { id: "u1", name: "Alex Rivera", role: "Product Manager", avatar: "https://i.pravatar.cc/150?u=alex", openTasks: 7 },
  { id: "u2", name: "Sam Chen", role: "Engineer", avatar: "https://i.pravatar.cc/150?u=sam", openTasks: 3 },
  { id: "u3", name: "Priya Patel", role: "Designer", avatar: "https://i.pravatar.cc/150?u=priya", openTasks: 5 },
];
