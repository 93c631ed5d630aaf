import Linkify from 'linkify-react';

// Links open in a new tab and carry no referrer or ranking credit; linkify builds them as React elements from the
// text it found, so nothing a user wrote is ever interpreted as HTML.
const LINK_OPTIONS = { target: '_blank', rel: 'noopener noreferrer nofollow ugc', defaultProtocol: 'https' } as const;

/** A post's text as written: line breaks kept, web addresses made clickable, everything else plain text. */
export function ForumText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={['forum-text', className].filter(Boolean).join(' ')} dir="auto">
      <Linkify options={LINK_OPTIONS}>{text}</Linkify>
    </div>
  );
}
