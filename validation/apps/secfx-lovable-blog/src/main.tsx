import React from 'react';
import ReactDOM from 'react-dom/client';
import { BrowserRouter, Routes, Route } from 'react-router-dom';
import Login from './pages/Login';
import Post from './pages/Post';
import Admin from './pages/Admin';

ReactDOM.createRoot(document.getElementById('root')!).render(
  <BrowserRouter>
    <Routes>
      <Route path="/login" element={<Login />} />
      <Route path="/post/:slug" element={<Post />} />
      <Route path="/admin" element={<Admin />} />
    </Routes>
  </BrowserRouter>
);
