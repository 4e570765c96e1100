import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'KPay — درگاه پرداخت',
  description:
    'KPay، درگاه پرداخت خودمیزبان: کارت‌به‌کارت ریالی و رمزارز. Self-hostable payment gateway: card-to-card (Rials) and crypto.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0f766e',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fa" dir="rtl">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
