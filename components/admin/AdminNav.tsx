"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin/users", label: "Reviewers" },
  { href: "/admin/vocabulary", label: "Vocabularies" },
  { href: "/admin/sources", label: "Sources" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-1 border-b border-stone-300">
      {LINKS.map((l) => {
        const current = pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px rounded-t border px-4 py-2 text-sm font-medium ${current ? "border-stone-300 border-b-stone-50 bg-stone-50 text-stone-900" : "border-transparent text-stone-700 hover:text-stone-900 hover:underline"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
