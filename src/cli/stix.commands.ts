// anshin stix validate | import | export: STIX 2.1 bundles from and to files, streamed.
import { createReadStream } from 'node:fs';
import { Option, type Command } from 'commander';
import { readBundle } from '../modules/stix/bundle-stream.js';
import { validateStixObject } from '../modules/stix/validate.js';
import { print } from './support.js';

type Lang = 'ja' | 'en';

export async function validateBundleFile(file: string, lang: Lang, out: (line: string) => void): Promise<{ objects: number; invalid: number }> {
  let objects = 0;
  let invalid = 0;
  for await (const item of readBundle(createReadStream(file))) {
    if (item.kind === 'header') {
      if (item.value.type !== 'bundle') out(`$.type: ${lang === 'ja' ? 'type は "bundle" でなければなりません' : 'type must be "bundle"'}`);
      continue;
    }
    objects++;
    const issues = validateStixObject(item.value);
    if (issues.length === 0) continue;
    invalid++;
    for (const issue of issues) out(`${issue.path.replace(/^\$/, `$.objects[${item.index}]`)} [${issue.rule}] ${issue.message[lang]}`);
  }
  return { objects, invalid };
}

export function registerStixCommands(program: Command): void {
  const stix = program.command('stix').description('STIX 2.1 bundles: validate, import into a collection, export from one');
  stix
    .command('validate')
    .description('check every object of a bundle file against STIX 2.1 (streamed: any size)')
    .argument('<file>', 'a STIX 2.1 bundle (JSON)')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['ja', 'en']).default('en'))
    .action(async (file: string, options: { lang: Lang }) => {
      const { objects, invalid } = await validateBundleFile(file, options.lang, print);
      print(`${objects} objects, ${objects - invalid} valid, ${invalid} invalid`);
      if (invalid > 0) process.exitCode = 1;
    });
}
