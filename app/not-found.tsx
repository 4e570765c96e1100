import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'صفحه پیدا نشد — KPay',
};

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center px-5 py-16">
      <div className="w-full max-w-md text-center">
        <p className="text-7xl font-black text-brand-200 tabular-nums" aria-hidden="true">
          ۴۰۴
        </p>
        <h1 className="mt-4 text-2xl font-bold text-ink-950">این صفحه پیدا نشد</h1>
        <p className="mt-3 leading-8 text-ink-700">
          شاید نشانی اشتباه تایپ شده یا این صفحه جابه‌جا شده باشد.
        </p>
        <p lang="en" dir="ltr" className="mt-4 text-ink-500">
          Page not found. The address may be mistyped, or the page has moved.
        </p>
        <Link
          href="/"
          className="mt-8 inline-block rounded-xl bg-brand-700 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-800"
        >
          بازگشت به صفحهٔ اصلی <span lang="en" className="font-normal text-brand-100">· Home</span>
        </Link>
      </div>
    </main>
  );
}
