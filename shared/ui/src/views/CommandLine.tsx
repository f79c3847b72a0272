/** A command to type in a terminal, shown on its own line so it can be selected and copied whole. */
export function CommandLine({ command }: { command: string }) {
  return (
    <pre className="command">
      <code>{command}</code>
    </pre>
  );
}
