// The command that runs one scenario again against the same target: printed by the CLI after a failing
// run and shown beside each failing scenario in the HTML report.

/** A shell word: single-quoted unless it is plain. */
function shellWord(text: string): string {
  return /^[\w@:./=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function rerunCommand(scenarioName: string, target: { url?: string; profile?: string } = {}): string {
  const words = ['npx', 'memberspec', 'certify'];
  if (target.url) words.push('--target', shellWord(target.url));
  if (target.profile) words.push('--profile', shellWord(target.profile));
  words.push('--name', shellWord(scenarioName));
  return words.join(' ');
}
