/**
 * `arazzo help [command]`. Commander's own help command prints the program's help for a name it
 * does not know; this one says "unknown command" (exit 2) and what was probably meant.
 */
import type { Command } from 'commander';
import { suggest } from '../plan/resolve-references.js';
import { UsageError } from './parse-cli-values.js';

export function addHelpCommand(program: Command): void {
  program.helpCommand(false);
  program
    .command('help')
    .argument('[command]', 'the command to explain')
    .description('show help for a command')
    .action((name: string | undefined) => {
      if (name === undefined) return program.outputHelp();
      const commands = program.commands.filter((c) => c.name() !== 'help');
      const command = commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (!command) throw new UsageError(`unknown command '${name}'`, suggest(name, commands.map((c) => c.name())));
      return command.outputHelp();
    });
}
