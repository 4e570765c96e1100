import { readFile } from 'node:fs/promises';
import path from 'node:path';

// Scalar reads this from the data-configuration attribute, so the page needs no inline script.
const scalarConfig = {
  url: '/api/openapi.json',
  metaData: { title: 'KPay API reference' },
  // Everything below keeps the page inside its own origin: the default fonts come from
  // fonts.scalar.com, telemetry posts to api.scalar.com, and the client button and the
  // developer toolbar link to or upload the document to scalar.com.
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: 'never',
  defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
  // Match the landing page's teal and use system fonts in place of Inter. The overflow rule
  // stops an off-screen Scalar element from making the page pan sideways on phones.
  customCss: `
html, body { overflow-x: clip; }
:root {
  --scalar-font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
.light-mode { --scalar-color-accent: #0f766e; --scalar-background-accent: #0f766e1a; }
.dark-mode { --scalar-color-accent: #2dd4bf; --scalar-background-accent: #2dd4bf1f; }
`,
};

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

// The bundle URL carries Scalar's version so /docs/scalar.js can be cached as immutable.
let page: Promise<string> | undefined;

async function renderPage(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(path.join(process.cwd(), 'node_modules/@scalar/api-reference/package.json'), 'utf8'),
  ) as { version: string };
  return `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>KPay API reference</title>
  </head>
  <body>
    <script id="api-reference" data-configuration="${escapeAttribute(JSON.stringify(scalarConfig))}"></script>
    <script src="/docs/scalar.js?v=${encodeURIComponent(pkg.version)}"></script>
  </body>
</html>
`;
}

export async function GET(): Promise<Response> {
  page ??= renderPage().catch((error: unknown) => {
    page = undefined; // retry on the next request rather than serving a cached failure
    throw error;
  });
  return new Response(await page, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
    },
  });
}
