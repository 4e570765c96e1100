/**
 * A hosted payment page for an id nobody issued. The language cannot be known here, so both are shown, Persian first,
 * each marked with its own language and direction (the document's follows the visitor's language cookie).
 */
export function PayNotFound({ fa, en }: { fa: { title: string; body: string }; en: { title: string; body: string } }) {
  return (
    <main className="mx-auto grid min-h-dvh w-full max-w-md place-items-center px-5 py-16">
      <div className="w-full rounded-3xl bg-white px-6 py-10 text-center shadow-sm ring-1 ring-ink-200">
        <span className="mx-auto grid size-16 place-items-center rounded-full bg-ink-100 text-ink-500">
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5L20 20M8.5 8.5l4 4M12.5 8.5l-4 4" />
          </svg>
        </span>
        <h1 lang="fa" dir="rtl" className="mt-5 text-xl font-bold text-ink-950">
          {fa.title}
        </h1>
        <p lang="fa" dir="rtl" className="mt-3 leading-7 text-ink-700">
          {fa.body}
        </p>
        <div lang="en" dir="ltr" className="mt-6 border-t border-ink-200 pt-6">
          <h2 className="text-lg font-semibold text-ink-800">{en.title}</h2>
          <p className="mt-2 leading-7 text-ink-600">{en.body}</p>
        </div>
      </div>
    </main>
  );
}
