/**
 * `arazzo completion bash|zsh|fish`: a completion script generated from the commander program
 * itself (commands, aliases, options, which options take a value, their choices), so it cannot
 * drift from the CLI. Workflow files complete as file names.
 */
import { Argument, type Command, type Option } from 'commander';
import type { CliIo } from './cli-io.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface Flag {
  names: string[];
  /** none, a file name, or a word from `choices`. */
  value: 'none' | 'file' | 'word';
  repeatable: boolean;
  choices: string[];
  description: string;
}
interface CommandSpec {
  names: string[];
  description: string;
  flags: Flag[];
  /** Words for the positional arguments; none: file names. */
  arguments: string[];
}

export function addCompletionCommand(program: Command, io: CliIo): void {
  program
    .command('completion')
    .addArgument(new Argument('<shell>', 'the shell to complete for').choices(SHELLS))
    .description('Print a shell completion script (bash: eval "$(arazzo completion bash)").')
    .action((shell: Shell) => {
      io.stdout.write(completionScript(shell, describeProgram(program)));
    });
}

function describeProgram(program: Command): CommandSpec[] {
  const help: Flag = { names: ['-h', '--help'], value: 'none', repeatable: false, choices: [], description: 'show help' };
  const names = program.commands.map((c) => c.name()).filter((name) => name !== 'help');
  return program.commands.map((command) => ({
    names: [command.name(), ...command.aliases()],
    description: command.description(),
    flags: [...command.options.filter((o) => !o.hidden).map(toFlag), help],
    arguments: command.name() === 'help' ? names : command.registeredArguments.flatMap((a) => a.argChoices ?? []),
  }));
}

function toFlag(option: Option): Flag {
  const repeatable = option.variadic || Array.isArray(option.defaultValue);
  const choices = option.argChoices ?? [];
  const value = !(option.required || option.optional) ? 'none' : choices.length > 0 ? 'word' : /<[^>]*(file|path)[^>]*>/.test(option.flags) ? 'file' : 'word';
  return { names: [option.short, option.long].filter((n): n is string => !!n), value, repeatable, choices, description: option.description };
}

function completionScript(shell: Shell, commands: readonly CommandSpec[]): string {
  if (shell === 'bash') return bashScript(commands);
  if (shell === 'zsh') return zshScript(commands);
  return fishScript(commands);
}

const words = (list: readonly string[]): string => list.join(' ');

function bashScript(commands: readonly CommandSpec[]): string {
  const cases = commands.map((c) => `    ${c.names.join('|')}) opts="${words(c.flags.flatMap((f) => f.names))}" ;;`);
  const valued = commands.flatMap((c) => c.flags.filter((f) => f.value !== 'none').map((f) => `    ${c.names.map((n) => f.names.map((flag) => `${n}:${flag}`).join('|')).join('|')}) ${f.value === 'file' ? 'COMPREPLY=($(compgen -f -- "$cur"))' : `COMPREPLY=($(compgen -W "${words(f.choices)}" -- "$cur"))`}; return ;;`));
  const positional = commands.filter((c) => c.arguments.length > 0).map((c) => `    ${c.names.join('|')}) COMPREPLY=($(compgen -W "${words(c.arguments)}" -- "$cur")); return ;;`);
  return `# arazzo completion for bash. Add to ~/.bashrc:  eval "$(arazzo completion bash)"
_arazzo() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${words(commands.flatMap((c) => c.names))} --help --version" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}:$prev" in
${valued.join('\n')}
  esac
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${positional.join('\n')}
  esac
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -o bashdefault -F _arazzo arazzo
`;
}

/** Text inside a single-quoted zsh/fish word, without the characters _arguments gives meaning to. */
const plain = (text: string): string => text.replace(/[[\]:'\\]/g, ' ').replace(/\s+/g, ' ').trim();

function zshScript(commands: readonly CommandSpec[]): string {
  const list = commands.flatMap((c) => c.names.map((n) => `    '${n}:${plain(c.description)}'`));
  const cases = commands.map((c) => {
    const specs = c.flags.flatMap((f) => f.names.map((name) => {
      const value = { none: '', file: ':file:_files', word: `:value:(${words(f.choices)})` }[f.value];
      return `'${f.repeatable ? '*' : ''}${name}[${plain(f.description)}]${value}'`;
    }));
    const rest = c.arguments.length > 0 ? `'*:argument:(${words(c.arguments)})'` : "'*:file:_files'";
    return `    ${c.names.join('|')}) _arguments ${[...specs, rest].join(' ')} ;;`;
  });
  return `#compdef arazzo
# arazzo completion for zsh. Add to ~/.zshrc:  eval "$(arazzo completion zsh)"
_arazzo() {
  local -a commands
  commands=(
${list.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
${cases.join('\n')}
  esac
}
compdef _arazzo arazzo
`;
}

function fishScript(commands: readonly CommandSpec[]): string {
  const all = words(commands.flatMap((c) => c.names));
  const lines = ['# arazzo completion for fish. Save as ~/.config/fish/completions/arazzo.fish, or:  arazzo completion fish | source', 'complete -c arazzo -f'];
  for (const c of commands) {
    for (const name of c.names) lines.push(`complete -c arazzo -n 'not __fish_seen_subcommand_from ${all}' -a ${name} -d '${plain(c.description)}'`);
    const when = `-n '__fish_seen_subcommand_from ${words(c.names)}'`;
    lines.push(c.arguments.length > 0 ? `complete -c arazzo ${when} -a '${words(c.arguments)}'` : `complete -c arazzo ${when} -F`);
    for (const f of c.flags) {
      const names = f.names.map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
      const value = { none: '', file: ' -r -F', word: ` -x -a '${words(f.choices)}'` }[f.value];
      lines.push(`complete -c arazzo ${when} ${names}${value} -d '${plain(f.description)}'`);
    }
  }
  return `${lines.join('\n')}\n`;
}
