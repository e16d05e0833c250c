// ok: G1.D1
export const COLUMNS = [
  { id: 'todo', title: 'To do', accent: 'border-slate-300' },
  { id: 'doing', title: 'Doing', accent: 'border-amber-400' },
  { id: 'done', title: 'Done', accent: 'border-emerald-500' },
];
