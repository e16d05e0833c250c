import { Routes, Route, Navigate } from 'react-router-dom';
import Contacts from './pages/Contacts';
import Deals from './pages/Deals';

export default function App() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/contacts" replace />} />
      <Route path="/contacts" element={<Contacts />} />
      <Route path="/deals" element={<Deals />} />
    </Routes>
  );
}
