// CreateSnapshot checks in the real order: DTO validation first (all messages
// joined with ", " as the global filter does), then the service's business
// rules one at a time (api-facts §1.5). Returns the 400 message, or undefined.

const NAME_PATTERN = /^[a-zA-Z0-9_.\-:]+(\/[a-zA-Z0-9_.\-:]+)*(@sha256:[a-f0-9]{64})?$/;

export function validateCreateSnapshot(body: Record<string, unknown>): string | undefined {
  const dtoProblems = [...checkName(body.name), ...checkInts(body)];
  if (dtoProblems.length > 0) return dtoProblems.join(', ');
  return checkImageRules(body);
}

function checkName(name: unknown): string[] {
  if (typeof name !== 'string') return ['name must be a string'];
  if (!NAME_PATTERN.test(name)) return [`name must match ${NAME_PATTERN.source} regular expression`];
  return [];
}

function checkInts(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of ['cpu', 'gpu', 'memory', 'disk']) {
    const value = body[field];
    if (value === undefined || value === null) continue; // @IsOptional skips null too
    if (typeof value !== 'number' || !Number.isInteger(value)) problems.push(`${field} must be an integer number`);
    else if (value < 0) problems.push(`${field} must not be less than 0`);
    else if (field === 'gpu' && value > 1) problems.push('gpu must not be greater than 1');
  }
  return problems;
}

function checkImageRules(body: Record<string, unknown>): string | undefined {
  const hasBuild = body.buildInfo !== undefined && body.buildInfo !== null;
  const imageName = body.imageName;
  if (hasBuild) {
    return imageName === undefined || imageName === null
      ? undefined
      : 'Cannot specify an image name when using a build info entry';
  }
  if (typeof imageName !== 'string' || imageName === '') {
    return 'Must specify an image name when not using a build info entry';
  }
  if (!hasTagOrDigest(imageName)) return 'Image name must include a tag (e.g., ubuntu:22.04) or digest (@sha256:...)';
  if (imageName.endsWith(':latest')) return 'Images with tag ":latest" are not allowed';
  return undefined;
}

/** A tag is a `:` in the last path segment, so `registry:5000/app` has none. */
function hasTagOrDigest(imageName: string): boolean {
  if (imageName.includes('@sha256:')) return true;
  const lastSegment = imageName.slice(imageName.lastIndexOf('/') + 1);
  return lastSegment.includes(':');
}
