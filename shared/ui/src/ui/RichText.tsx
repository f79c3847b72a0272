import { Fragment } from "react";

/** Text with `commands` in backticks (as the messages write them) shown as code an editor can copy. */
export function RichText({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}</>
  );
}
