import Link from "next/link";

/** The "← back" link above a page's heading. */
export function BackLink({ href, children, className = "text-sm" }: { href: string; children: React.ReactNode; className?: string }) {
  return (
    <p className={className}>
      <Link href={href} className="text-blue-800 underline">
        ← {children}
      </Link>
    </p>
  );
}
