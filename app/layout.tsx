import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { directionOf, requestLocale } from '@/lib/i18n/request-locale';
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

// Persian and right-to-left unless the visitor chose English (a cookie set by the language switch).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
