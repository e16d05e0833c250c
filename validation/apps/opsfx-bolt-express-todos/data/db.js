// Shared in-memory tables for the API routes.
// expect: G7.P2
const db = {
  members: [
    { id: 'm1', name: 'Maya Chen', email: 'maya@example.com', role: 'owner' },
    { id: 'm2', name: 'Sam Ortiz', email: 'sam@example.com', role: 'member' },
  ],
  invites: [],
};

module.exports = db;
