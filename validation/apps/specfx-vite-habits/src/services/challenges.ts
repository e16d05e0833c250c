export type Challenge = { id: string; title: string; description: string; startDate: string; endDate: string; participants: number };

export async function getChallenges(): Promise<Challenge[]> {
  // expect: G1.D1
  return [
    { id: 'w1', title: 'Hydration week', description: 'Drink 2L of water every day', startDate: '2025-01-06', endDate: '2025-01-12', participants: 8 },
    { id: 'w2', title: 'No-screen mornings', description: 'No phone for the first hour', startDate: '2025-01-13', endDate: '2025-01-19', participants: 5 },
    { id: 'w3', title: '10k steps', description: 'Walk 10,000 steps a day', startDate: '2025-01-20', endDate: '2025-01-26', participants: 11 },
  ];
}
