const Footer = () => {
  const year = new Date().getFullYear();
  return (
    <footer className="border-t bg-white py-6 text-center text-xs text-slate-500">
      <p>© {year} CareSlot Clinics. All rights reserved.</p>
      <p className="mt-1">For emergencies call 112.</p>
    </footer>
  );
};

export default Footer;
