/** An empty static page: the framework's own floor for the reader benchmark (bench/reader.ts). Renders nothing. */
export const dynamic = "force-static";

export const metadata = { robots: { index: false } };

export default function BenchEmptyPage() {
  return null;
}
