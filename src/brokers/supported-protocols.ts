/** Protocols whose AsyncAPI steps run; a step on any other is refused before the run (exit 2). */
export const SUPPORTED_PROTOCOLS = ['mqtt', 'mqtts'] as const;
