// PLACEHOLDER (scaffold): replaced by the extract subcommand.
export async function runExtractCommand(_args: string[]): Promise<number> {
  console.error('broadsheet extract: not implemented yet');
  return 1;
}
