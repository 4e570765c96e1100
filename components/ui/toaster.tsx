'use client';

import { Toaster as Sonner } from 'sonner';

/** Where result toasts appear: top centre on phones (clear of the thumb), following the page direction. */
export function Toaster({ dir }: { dir: 'rtl' | 'ltr' }) {
  return <Sonner dir={dir} position="top-center" richColors closeButton toastOptions={{ style: { fontFamily: 'inherit' } }} />;
}
