import * as React from "react";
import { cn } from "@/lib/utils";

export interface ButtonProps extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "default" | "outline" | "ghost" | "destructive";
}

const Button = React.forwardRef<HTMLButtonElement, ButtonProps>(({ className, variant = "default", ...props }, ref) => (
  <button ref={ref} className={cn("inline-flex items-center rounded-md px-4 py-2 text-sm", variant, className)} {...props} />
));
Button.displayName = "Button";

export { Button };
