import type { Metadata } from "next";
import Link from "next/link";
import { anonymousReader } from "@/lib/server/actors";
import { getReaderVocabulary } from "@/lib/server/reader";
import { searchStatements } from "@/lib/server/claims/search";
import { DomainRuleError } from "@/lib/server/errors";
import { searchWorkingStatements } from "@/lib/server/claims/search-drafts";
import { getSessionUser, requireReviewer } from "@/lib/server/session";
import { MAX_SEARCH_QUERY_LENGTH, SEARCH_TABS, type DraftSearchResultDTO, type SearchResultDTO, type SearchTab } from "@/lib/contracts/claims";
import { SearchHits } from "@/components/claims/SearchHits";
import { DraftSearchHits } from "@/components/claims/DraftSearchHits";
import { inputClass, labelClass, buttonClass } from "@/components/ui/styles";
import { Notice } from "@/components/ui/Notice";
import { Field } from "@/components/ui/Field";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Search checked statements",
  description: "Search every published, fact-checked statement by words, verdict, claim type, speaker, source, outlet, language and date.",
};

type Params = Record<string, string | string[] | undefined>;
const FIELDS = ["q", "verdict", "type", "speaker", "source", "outlet", "language", "from", "to", "order"] as const;

function first(params: Params, key: string): string {
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** The URL of these results with `cursor` (or the first page without it), on `tab`. */
function pageHref(params: Params, cursor: string | null, tab: SearchTab): string {
  const search = new URLSearchParams();
  for (const key of FIELDS) {
    const v = first(params, key);
    if (v) search.set(key, v);
  }
  if (tab === "drafts") search.set("tab", "drafts");
  if (cursor) search.set("cursor", cursor);
  return `/search?${search.toString()}`;
}

/** A plain GET form: every filter lives in the URL, and it works without JavaScript. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const reader = anonymousReader();
  const vocabulary = await getReaderVocabulary(reader);
  const asked = FIELDS.some((k) => first(params, k) && k !== "order");
  // Drafts only for a signed-in reviewer; anyone else asking for them gets the published results and a sign-in prompt.
  // proxy.ts keeps every signed-in or drafts response out of shared caches.
  const user = await getSessionUser();
  const reviewer = user && (user.role === "reviewer" || user.role === "admin") ? await requireReviewer() : null;
  const askedTab: SearchTab = first(params, "tab") === "drafts" ? "drafts" : "published";
  const tab: SearchTab = askedTab === "drafts" && reviewer ? "drafts" : "published";
  const input = Object.fromEntries([...FIELDS, "cursor"].map((k) => [k, first(params, k)]));
  let result: SearchResultDTO | null = null;
  let drafts: DraftSearchResultDTO | null = null;
  let problem: string | null = null;
  try {
    if (tab === "drafts" && reviewer) drafts = await searchWorkingStatements(reviewer, input);
    else result = await searchStatements(reader, input);
  } catch (error) {
    if (!(error instanceof DomainRuleError)) throw error;
    problem = error.message;
  }
  const found = result ?? drafts;
  const v = (key: string) => first(params, key);
  const sourceFilter = v("source");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-serif text-3xl font-bold text-stone-900">Search checked statements</h1>
        <p className="mt-1 max-w-2xl text-stone-700">
          {tab === "drafts"
            ? "Every annotation’s working copy: drafts, statements in review, pending revisions and unpublished articles. Results open in the workspace. Newest change first."
            : "Published statements only, as their reviewers approved them. Newest checks first unless you ask for the best matches."}
        </p>
      </header>
      {reviewer ? (
        <nav aria-label="What to search" className="flex gap-1 border-b border-stone-300" data-testid="search-tabs">
          {SEARCH_TABS.map((t) => (
            <Link
              key={t}
              href={pageHref(params, null, t)}
              prefetch={false}
              aria-current={t === tab ? "page" : undefined}
              className={`-mb-px rounded-t border px-3 py-1.5 text-sm font-medium ${t === tab ? "border-stone-300 border-b-white bg-white text-stone-900" : "border-transparent text-blue-800 underline"}`}
            >
              {t === "drafts" ? "Including drafts" : "Published"}
            </Link>
          ))}
        </nav>
      ) : askedTab === "drafts" ? (
        <Notice tone="info" testId="drafts-sign-in">
          Drafts are for reviewers. <Link href={`/login?callbackUrl=${encodeURIComponent(pageHref(params, null, "drafts"))}`} className="underline">Sign in</Link> to include them; these are the published statements.
        </Notice>
      ) : null}
      <form method="get" action="/search" role="search" className="space-y-4 rounded-lg border border-stone-300 bg-white p-4">
        {tab === "drafts" ? <input type="hidden" name="tab" value="drafts" /> : null}
        <div>
          <label htmlFor="search-q" className={labelClass}>
            Words, a name or a quote
          </label>
          <div className="flex gap-2">
            <input id="search-q" name="q" type="search" defaultValue={v("q")} maxLength={MAX_SEARCH_QUERY_LENGTH} className={inputClass} aria-describedby="search-q-hint" />
            <button type="submit" className={buttonClass}>
              Search
            </button>
          </div>
          <p id="search-q-hint" className="mt-1 text-xs text-stone-600">
            At most {MAX_SEARCH_QUERY_LENGTH} characters. Use quotes for an exact phrase, and - to leave a word out.
          </p>
        </div>
        <details open={FIELDS.some((k) => k !== "q" && k !== "order" && v(k)) || undefined}>
          <summary className="cursor-pointer text-sm font-medium text-stone-800">Filters</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-3">
            <Field id="search-verdict" label="Verdict">
              <select id="search-verdict" name="verdict" defaultValue={v("verdict")} className={inputClass}>
                <option value="">Any verdict</option>
                {vocabulary.statuses.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="search-type" label="Claim type">
              <select id="search-type" name="type" defaultValue={v("type")} className={inputClass}>
                <option value="">Any type</option>
                {vocabulary.claimTypes.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="search-speaker" label="Speaker">
              <input id="search-speaker" name="speaker" defaultValue={v("speaker")} className={inputClass} />
            </Field>
            <Field id="search-outlet" label="Outlet">
              <input id="search-outlet" name="outlet" defaultValue={v("outlet")} className={inputClass} />
            </Field>
            <Field id="search-language" label="Language code">
              <input id="search-language" name="language" defaultValue={v("language")} placeholder="en" className={inputClass} />
            </Field>
            {tab === "published" ? (
              <Field id="search-order" label="Order">
                <select id="search-order" name="order" defaultValue={v("order") || "recent"} className={inputClass}>
                  <option value="recent">Most recent check first</option>
                  <option value="relevance">Best match first</option>
                </select>
              </Field>
            ) : null}
            <Field id="search-from" label={tab === "drafts" ? "Changed from" : "Checked from"}>
              <input id="search-from" name="from" type="date" defaultValue={v("from")} className={inputClass} />
            </Field>
            <Field id="search-to" label={tab === "drafts" ? "Changed until" : "Checked until"}>
              <input id="search-to" name="to" type="date" defaultValue={v("to")} className={inputClass} />
            </Field>
            {sourceFilter ? (
              <div>
                <label className="flex items-center gap-2 text-sm text-stone-800">
                  <input type="checkbox" name="source" value={sourceFilter} defaultChecked /> Only statements whose chain passes through{" "}
                  <Link href={`/sources/${encodeURIComponent(sourceFilter)}`} className="underline">
                    this source
                  </Link>
                </label>
              </div>
            ) : null}
          </div>
        </details>
      </form>

      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {found ? (
        <section aria-labelledby="results-heading" className="space-y-3">
          <h2 id="results-heading" className="text-lg font-semibold text-stone-900">
            {found.hits.length === 0
              ? asked
                ? drafts
                  ? "No statement matches, drafts included."
                  : "No published statement matches."
                : drafts
                  ? "No statement has been annotated yet."
                  : "No statement has been published yet."
              : asked
                ? `Statements found${v("cursor") ? " (continued)" : ""}`
                : drafts
                  ? "Recently changed annotations"
                  : "Recently checked statements"}
          </h2>
          {result && result.hits.length > 0 ? <SearchHits hits={result.hits} /> : null}
          {drafts && drafts.hits.length > 0 ? <DraftSearchHits hits={drafts.hits} /> : null}
          <nav aria-label="Result pages" className="flex gap-4 text-sm">
            {v("cursor") ? (
              <Link href={pageHref(params, null, tab)} className="underline" prefetch={false}>
                ← First results
              </Link>
            ) : null}
            {found.nextCursor ? (
              <Link href={pageHref(params, found.nextCursor, tab)} className="underline" rel="next" prefetch={false}>
                More results →
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </div>
  );
}
