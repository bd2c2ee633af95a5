import Link from "next/link";
import { SessionMenu } from "./SessionMenu";

export function SiteHeader() {
  return (
    <header role="banner" className="border-b border-stone-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-5 gap-y-1">
          <Link href="/" className="font-serif text-xl font-bold tracking-tight text-stone-900">
            Provenance
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href="/" className="text-stone-700 hover:text-stone-950 hover:underline">
              Articles
            </Link>
            <Link href="/search" className="text-stone-700 hover:text-stone-950 hover:underline">
              Search
            </Link>
            <Link href="/methodology" className="text-stone-700 hover:text-stone-950 hover:underline">
              Methodology
            </Link>
          </nav>
        </div>
        <SessionMenu />
      </div>
    </header>
  );
}
