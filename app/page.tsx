import type { ReactNode } from 'react';

// Pure marketing content that never touches the database. Rendered per request all the same: a prerendered page
// cannot carry the per-request script nonce of the pages' Content-Security-Policy (proxy.ts).
export const dynamic = 'force-dynamic';

// Plain <a> rather than next/link: /docs and /api/openapi.json are route handlers,
// so they are full page loads anyway, and this page stays free of client components.

function En({ children, className = '' }: { children: ReactNode; className?: string }) {
  // English lines keep LTR word order but stay aligned with the Persian text above them.
  return (
    <p lang="en" dir="ltr" className={`text-right text-ink-500 ${className}`}>
      {children}
    </p>
  );
}

function Logo() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className="size-8">
      <rect width="32" height="32" rx="9" className="fill-brand-700" />
      <path
        d="M11 8.5v15M11 16.5l9-8M13.5 14.5l7 9"
        fill="none"
        className="stroke-white"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function Check() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="mt-1 size-4 shrink-0 text-brand-600">
      <path
        d="M4.5 10.5l3.5 3.5 7.5-8"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function Point({ fa, en }: { fa: ReactNode; en: string }) {
  return (
    <li className="flex gap-2.5">
      <Check />
      <div>
        <p className="text-ink-800">{fa}</p>
        <En className="text-sm">{en}</En>
      </div>
    </li>
  );
}

function SectionTitle({ fa, en }: { fa: string; en: string }) {
  return (
    <div className="mb-6">
      <h2 className="text-2xl font-bold text-ink-950">{fa}</h2>
      <En className="mt-1">{en}</En>
    </div>
  );
}

/** A static picture of the buyer's checkout screen, so visitors see what "card-to-card" means. */
function CheckoutPreview() {
  return (
    <figure
      aria-label="نمونهٔ صفحهٔ پرداخت خریدار"
      className="mx-auto w-full max-w-sm rounded-3xl bg-white p-5 shadow-xl ring-1 shadow-brand-900/10 ring-ink-200"
    >
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium text-ink-700">فروشگاه نمونه</span>
        <span className="rounded-full bg-amber-50 px-2.5 py-1 font-medium text-amber-700 tabular-nums ring-1 ring-amber-200">
          زمان باقی‌مانده ۰۹:۴۲
        </span>
      </div>

      <p className="mt-5 text-sm text-ink-500">مبلغ دقیق واریز</p>
      <p className="mt-1 text-3xl font-extrabold text-ink-950 tabular-nums">
        ۲٬۴۵۰٬۰۰۰ <span className="text-base font-medium text-ink-500">ریال</span>
      </p>

      <div className="mt-5 rounded-2xl bg-linear-to-br from-brand-600 to-brand-900 p-4 text-white">
        <p className="text-xs text-brand-100">کارت مقصد</p>
        <p dir="ltr" className="mt-2 text-center text-xl font-semibold tracking-[0.15em] tabular-nums">
          ۶۰۳۷ ۹۹۷۵ ۱۲۳۴ ۵۶۷۸
        </p>
        <p className="mt-3 text-sm text-brand-50">به نام سارا محمدی</p>
      </div>

      <figcaption className="mt-4 text-xs leading-6 text-ink-500">
        با اپ بانکی خودتان همین مبلغ را کارت‌به‌کارت کنید؛ پس از رسیدن پیامک بانک، پرداخت خودکار تأیید می‌شود.
      </figcaption>
    </figure>
  );
}

const steps = [
  {
    fa: 'ساخت تراکنش',
    en: 'Create a transaction',
    body: 'سرور فروشگاه تراکنش را با مبلغ و نشانی بازگشت می‌سازد و یک authority و یک payment_url می‌گیرد.',
    code: 'authority, payment_url',
  },
  {
    fa: 'هدایت خریدار',
    en: 'Redirect the buyer',
    body: 'خریدار را به payment_url بفرستید؛ بقیهٔ کار، از نمایش کارت تا شمارش معکوس، با KPay است.',
    code: '302 → payment_url',
  },
  {
    fa: 'بازگشت به فروشگاه',
    en: 'Callback',
    body: 'پس از پرداخت یا انصراف، خریدار با authority و وضعیت OK یا NOK به نشانی بازگشت شما برمی‌گردد.',
    code: '?authority=…&status=OK|NOK',
  },
  {
    fa: 'تأیید نهایی',
    en: 'Verify',
    body: 'سرور شما authority را verify می‌کند و فقط در صورت موفقیت سفارش را تحویل می‌دهد؛ status=OK به‌تنهایی کافی نیست.',
    code: 'verify(authority)',
  },
] as const;

const faDigits = ['۱', '۲', '۳', '۴'] as const;

const curlExample = `curl -X POST http://localhost:3000/api/auth/register \\
  -H 'Content-Type: application/json' \\
  -d '{"name":"Sara","mobile":"09121234567","password":"secret123"}'`;

export default function Home() {
  return (
    // Persian whatever the visitor's language cookie says (the root layout follows it now that this page is dynamic).
    <div lang="fa" dir="rtl" className="overflow-x-clip">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-5 py-4">
        <p className="flex items-center gap-2 text-lg font-bold text-ink-950">
          <Logo />
          KPay
        </p>
        <nav className="flex items-center gap-1 text-sm font-medium">
          <a href="/docs" className="rounded-lg px-3 py-2 text-ink-700 hover:bg-ink-100 hover:text-ink-950">
            مستندات API
          </a>
          <a href="/login" className="rounded-lg px-3 py-2 text-ink-700 hover:bg-ink-100 hover:text-ink-950">
            ورود
          </a>
          <a href="/register" className="rounded-lg bg-brand-700 px-3 py-2 text-white hover:bg-brand-800">
            ثبت‌نام
          </a>
        </nav>
      </header>

      <main>
        <section className="relative">
          <div
            aria-hidden="true"
            className="absolute inset-x-0 -top-20 -z-10 h-[28rem] bg-radial-[at_50%_0%] from-brand-100 via-brand-50/40 to-transparent"
          />
          <div className="mx-auto grid max-w-5xl items-center gap-10 px-5 pt-6 pb-14 md:grid-cols-2 md:pt-14 md:pb-20">
            <div>
              <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-xs font-medium text-brand-800 ring-1 ring-brand-200">
                <span className="size-1.5 rounded-full bg-brand-500" />
                <span>خودمیزبان</span>
                <span aria-hidden="true">·</span>
                <span lang="en">Self-hosted</span>
              </p>
              <h1 className="mt-4 text-3xl leading-[1.45] font-extrabold text-ink-950 sm:text-4xl">
                درگاه پرداخت کارت‌به‌کارت و رمزارز، روی سرور خودتان
              </h1>
              <En className="mt-2 text-base">
                A payment gateway you host yourself: card-to-card in Rials, and crypto.
              </En>
              <p className="mt-5 leading-8 text-ink-700">
                KPay پرداخت‌های کارت‌به‌کارت را از روی پیامک بانک تأیید می‌کند و برای هر پرداخت رمزارزی
                آدرس واریز جداگانه می‌سازد. فروشگاه شما با یک API ساده و یک callback آشنا به آن وصل می‌شود.
              </p>
              <div className="mt-7 flex flex-wrap gap-3">
                <a
                  href="/register"
                  className="rounded-xl bg-brand-700 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-800"
                >
                  ساخت حساب پذیرنده
                </a>
                <a
                  href="/docs"
                  className="rounded-xl bg-white px-5 py-3 font-semibold text-ink-800 ring-1 ring-ink-200 hover:bg-ink-100"
                >
                  مرجع API
                </a>
                <a
                  href="/api/openapi.json"
                  className="rounded-xl bg-white px-5 py-3 font-semibold text-ink-800 ring-1 ring-ink-200 hover:bg-ink-100"
                >
                  <span lang="en">OpenAPI JSON</span>
                </a>
              </div>
            </div>
            <CheckoutPreview />
          </div>
        </section>

        <section className="border-y border-ink-200 bg-white">
          <div className="mx-auto grid max-w-5xl gap-12 px-5 py-14 md:grid-cols-2">
            <div>
              <SectionTitle fa="کارت‌به‌کارت ریالی" en="Card-to-card, in Rials" />
              <ul className="space-y-4">
                <Point
                  fa="خریدار شمارهٔ کارت فروشنده، مبلغ دقیق و یک شمارش معکوس را می‌بیند."
                  en="The buyer sees your card number, the exact amount and a countdown."
                />
                <Point
                  fa="با اپ بانکی خودش، بدون درگاه شاپرکی، مبلغ را کارت‌به‌کارت می‌کند."
                  en="They pay from their own banking app."
                />
                <Point
                  fa="پیامک واریز بانک از گوشی فروشنده به KPay فرستاده می‌شود و KPay پرداخت را تطبیق و تأیید می‌کند."
                  en="The bank SMS, forwarded from your phone, confirms the payment."
                />
                <Point
                  fa="فروشگاه با verify نتیجه را قطعی می‌کند."
                  en="Your shop verifies before it delivers."
                />
              </ul>
            </div>

            <div>
              <SectionTitle fa="رمزارز" en="Crypto" />
              <ul lang="en" dir="ltr" className="mb-6 flex flex-wrap justify-end gap-2" aria-label="Supported networks">
                {['BTC', 'LTC', 'ETH', 'BSC', 'TRON'].map((coin) => (
                  <li
                    key={coin}
                    className="rounded-lg bg-brand-50 px-3 py-1 font-mono text-sm font-semibold text-brand-800 ring-1 ring-brand-200"
                  >
                    {coin}
                  </li>
                ))}
              </ul>
              <ul className="space-y-4">
                <Point
                  fa="برای هر پرداخت یک آدرس واریز یکتا ساخته می‌شود."
                  en="A unique deposit address for every payment."
                />
                <Point
                  fa="تأییدهای شبکه شمرده می‌شود و پرداخت پس از رسیدن به حد لازم نهایی می‌شود."
                  en="Network confirmations are counted before a payment settles."
                />
                <Point
                  fa="موجودی هر فروشنده در دفتر کل ثبت می‌شود و قابل برداشت است."
                  en="Ledger balances per merchant, with withdrawals."
                />
              </ul>
            </div>
          </div>
        </section>

        <section className="mx-auto max-w-5xl px-5 py-14">
          <SectionTitle fa="اتصال فروشگاه در ۴ گام" en="Integrate in 4 steps" />
          <ol className="grid gap-4 sm:grid-cols-2">
            {steps.map((step, i) => (
              <li key={step.en} className="rounded-2xl bg-white p-5 ring-1 ring-ink-200">
                <div className="flex items-center gap-3">
                  <span className="grid size-9 shrink-0 place-items-center rounded-full bg-brand-700 font-bold text-white">
                    {faDigits[i]}
                  </span>
                  <div>
                    <h3 className="font-bold text-ink-950">{step.fa}</h3>
                    <En className="text-sm">{step.en}</En>
                  </div>
                </div>
                <p className="mt-3 text-sm leading-7 text-ink-700">{step.body}</p>
                <code className="mt-3 block truncate rounded-lg bg-ink-100 px-3 py-2 text-xs text-ink-800">
                  {step.code}
                </code>
              </li>
            ))}
          </ol>
        </section>

        <section className="mx-auto max-w-5xl px-5 pb-16">
          <SectionTitle fa="شروع سریع" en="Quick start: create a merchant account" />
          <pre className="overflow-x-auto rounded-2xl bg-ink-950 p-5 text-[13px] leading-6 text-brand-100 shadow-lg">
            <code>{curlExample}</code>
          </pre>
          <p className="mt-4 leading-7 text-ink-700">
            همهٔ مسیرها، پارامترها و پاسخ‌ها در{' '}
            <a href="/docs" className="font-semibold text-brand-700 underline underline-offset-4">
              مرجع API
            </a>{' '}
            آمده است؛ سند خام{' '}
            <a
              href="/api/openapi.json"
              lang="en"
              className="font-semibold text-brand-700 underline underline-offset-4"
            >
              OpenAPI 3.1
            </a>{' '}
            را هم می‌توانید به ابزار خودتان بدهید.
          </p>
          <En className="mt-1 text-sm">Every endpoint is documented in the API reference and the OpenAPI document.</En>
        </section>
      </main>

      <footer className="border-t border-ink-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-5 py-6 text-sm text-ink-500">
          <p>
            KPay · درگاه پرداخت خودمیزبان
          </p>
          <nav className="flex gap-4">
            <a href="/docs" className="hover:text-ink-900">
              مستندات
            </a>
            <a href="/api/openapi.json" lang="en" className="hover:text-ink-900">
              OpenAPI
            </a>
          </nav>
        </div>
      </footer>
    </div>
  );
}
