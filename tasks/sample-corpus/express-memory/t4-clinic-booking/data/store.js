// In-memory data store
const md5 = require('md5');

let users = [
  { id: 1, name: 'Admin', email: 'admin@clinic.in', password: md5('admin123'), role: 'admin', phone: '9876543210' },
  { id: 2, name: 'Front Desk', email: 'desk@clinic.in', password: md5('desk123'), role: 'staff', phone: '9876500000' },
  { id: 3, name: 'John Doe', email: 'john@example.com', password: md5('password'), role: 'patient', phone: '9000000001' },
];

let doctors = [
  { id: 1, name: 'Dr. Ananya Kulkarni', specialty: 'General Physician', fee: 500, hours: '09:00-13:00' },
  { id: 2, name: 'Dr. Rohan Deshpande', specialty: 'Paediatrics', fee: 700, hours: '10:00-14:00' },
  { id: 3, name: 'Dr. Meera Iyer', specialty: 'Dermatology', fee: 800, hours: '16:00-19:00' },
];

let appointments = [
  { id: 1, patientId: 3, doctorId: 1, date: '2026-10-15', time: '09:30', status: 'booked', notes: 'Lorem ipsum follow-up' },
];

let invoices = [];

let nextId = { users: 4, appointments: 2, invoices: 1 };

module.exports = { users, doctors, appointments, invoices, nextId };
