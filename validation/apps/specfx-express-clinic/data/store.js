// In-memory data store
const physios = [
  { id: 1, name: 'Dr. Maya Lindqvist', specialty: 'Sports injuries', slots: ['09:00', '10:00', '11:30', '14:00'] },
  { id: 2, name: 'Dr. Kofi Mensah', specialty: 'Back and neck', slots: ['08:30', '13:00', '15:30'] },
  { id: 3, name: 'Dr. Ines Carvalho', specialty: 'Post-surgery rehab', slots: ['10:30', '12:00', '16:00'] },
];

const appointments = [
  // expect: G1.D2
  { id: 1, physioId: 1, patient: 'John Doe', email: 'john.doe@gmail.com', phone: '555-0134', date: '2025-03-12', time: '09:00' },
  { id: 2, physioId: 2, patient: 'Mary Johnson', email: 'mary.j@gmail.com', phone: '555-0178', date: '2025-03-12', time: '13:00' },
];

const feedback = [];

module.exports = { physios, appointments, feedback };
