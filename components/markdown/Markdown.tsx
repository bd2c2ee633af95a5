import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/** Only http(s) and mailto links survive; anything else (javascript:, data:) becomes an empty href. */
function safeUrl(url: string): string {
  const transformed = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/)/i.test(transformed) ? transformed : "";
}

/**
 * Renders user-written markdown as React elements. Raw HTML in the source is dropped (skipHtml), so nothing a
 * user types reaches the DOM as markup.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className ?? "prose-sm space-y-2 [&_a]:text-blue-800 [&_a]:underline [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5"}>
      <ReactMarkdown
        skipHtml
        urlTransform={safeUrl}
        disallowedElements={["img"]}
        unwrapDisallowed
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {children}
            </a>
          ),
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
