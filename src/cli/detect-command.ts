// PLACEHOLDER (scaffold): replaced by the detect subcommand.
export async function runDetectCommand(_args: string[]): Promise<number> {
  console.error('broadsheet detect: not implemented yet');
  return 1;
}
