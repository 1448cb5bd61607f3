import clsx from 'clsx';
import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** The classes are in globals.css (`.btn`, `.btn-<variant>`): short names, since they travel twice per button. */
export function buttonClass(variant: Variant = 'primary', extra?: string) {
  return clsx('btn', `btn-${variant}`, extra);
}

export function Button({
  variant = 'primary',
  className,
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
