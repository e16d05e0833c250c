import * as React from 'react';

export const Button = React.forwardRef<HTMLButtonElement, React.ButtonHTMLAttributes<HTMLButtonElement>>(({ className = '', ...props }, ref) => (
  <button ref={ref} className={`inline-flex h-10 items-center rounded-md bg-slate-900 px-4 text-sm text-white ${className}`} {...props} />
));
Button.displayName = 'Button';
