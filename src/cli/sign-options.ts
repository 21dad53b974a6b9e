/**
 * `--sign <source>=oci[:profile]` and `--sign <source>=aws:<service>/<region>` → request signers per
 * source description. OCI keys come from the OCI config file (OCI_CLI_CONFIG_FILE, else
 * ~/.oci/config; profile DEFAULT unless named); AWS credentials from AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, else the shared credentials file
 * (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials; profile AWS_PROFILE, else default).
 * Every problem is a usage error (exit 2) before anything is sent; secrets are returned for masking.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestSigner } from '../http/request-signer.js';
import { createAwsSigner } from '../http/sign-aws.js';
import { createOciSigner } from '../http/sign-oci.js';
import { UsageError } from './parse-cli-values.js';

export interface SignOptions {
  signers: Map<string, RequestSigner>;
  secrets: string[];
}

type Env = Readonly<Record<string, string | undefined>>;

export function readSignOptions(flags: readonly string[], env: Env, sourceNames: readonly string[]): SignOptions {
  const signers = new Map<string, RequestSigner>();
  const secrets: string[] = [];
  for (const flag of flags) {
    const match = /^([^=]+)=(oci|aws)(?::(.*))?$/.exec(flag);
    if (!match) throw new UsageError(`--sign "${flag}" is not <source>=oci[:profile] or <source>=aws:<service>/<region>`, 'Write e.g. --sign ociComputeApi=oci or --sign s3=aws:s3/eu-west-1.');
    const [, source, kind, detail] = match as unknown as [string, string, 'oci' | 'aws', string | undefined];
    if (!sourceNames.includes(source)) throw new UsageError(`--sign names source "${source}", which no document declares`, `Use one of: ${sourceNames.join(', ')}.`);
    const made = kind === 'oci' ? ociSigner(detail || 'DEFAULT', env) : awsSigner(detail, env);
    signers.set(source, made.signer);
    secrets.push(...made.secrets);
  }
  return { signers, secrets };
}

function ociSigner(profile: string, env: Env): { signer: RequestSigner; secrets: string[] } {
  const file = env.OCI_CLI_CONFIG_FILE ?? path.join(home(env), '.oci', 'config');
  const section = readIni(file, 'OCI config')[profile];
  if (!section) throw new UsageError(`the OCI config ${file} has no profile [${profile}]`, 'Name a profile that exists: --sign <source>=oci:<profile>.');
  const missing = ['user', 'fingerprint', 'tenancy', 'key_file'].filter((name) => !section[name]);
  if (missing.length > 0) throw new UsageError(`profile [${profile}] of ${file} lacks ${missing.join(', ')}`);
  const keyFile = expandHome(section.key_file!, env);
  const privateKey = readText(path.resolve(path.dirname(file), keyFile), 'OCI API signing key');
  try {
    const signer = createOciSigner({ tenancy: section.tenancy!, user: section.user!, fingerprint: section.fingerprint!, privateKey, ...(section.pass_phrase ? { passphrase: section.pass_phrase } : {}) });
    return { signer, secrets: section.pass_phrase ? [section.pass_phrase] : [] };
  } catch (error) {
    throw new UsageError(`the OCI API signing key ${keyFile} cannot be used: ${(error as Error).message}`, 'Check key_file (and pass_phrase) in the profile.');
  }
}

function awsSigner(detail: string | undefined, env: Env): { signer: RequestSigner; secrets: string[] } {
  const scope = /^([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(detail ?? '');
  if (!scope) throw new UsageError(`--sign …=aws needs the service and region: aws:<service>/<region>`, 'Write e.g. --sign api=aws:execute-api/eu-west-1.');
  const credentials = awsCredentials(env);
  const signer = createAwsSigner(credentials, { service: scope[1]!, region: scope[2]! });
  return { signer, secrets: [credentials.secretAccessKey, ...(credentials.sessionToken ? [credentials.sessionToken] : [])] };
}

function awsCredentials(env: Env): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
  }
  const file = env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home(env), '.aws', 'credentials');
  const profile = env.AWS_PROFILE ?? 'default';
  const section = readIni(file, 'AWS shared credentials file')[profile];
  if (!section?.aws_access_key_id || !section.aws_secret_access_key) {
    throw new UsageError(`no AWS credentials: neither AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY nor profile [${profile}] in ${file}`, 'Set the environment variables, or AWS_PROFILE to a profile with aws_access_key_id and aws_secret_access_key.');
  }
  return { accessKeyId: section.aws_access_key_id, secretAccessKey: section.aws_secret_access_key, ...(section.aws_session_token ? { sessionToken: section.aws_session_token } : {}) };
}

/** INI as the OCI and AWS tools write it: [section] headers, key = value lines, # and ; comments. */
function readIni(file: string, what: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = Object.create(null) as Record<string, Record<string, string>>;
  let current: Record<string, string> | undefined;
  for (const raw of readText(file, what).split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = Object.create(null) as Record<string, string>;
      sections[header[1]!.trim()] = current;
      continue;
    }
    const equals = line.indexOf('=');
    if (current && equals > 0) current[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
  }
  return sections;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`the ${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

const home = (env: Env): string => env.HOME ?? env.USERPROFILE ?? '.';
const expandHome = (file: string, env: Env): string => (file.startsWith('~/') ? path.join(home(env), file.slice(2)) : file);
