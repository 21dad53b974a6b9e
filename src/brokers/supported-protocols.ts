/** Protocols whose AsyncAPI steps run, by adapter; a step on any other is refused before the run (exit 2). */
export type ProtocolFamily = 'mqtt' | 'nats' | 'amqp' | 'ws';

const FAMILIES: Readonly<Record<string, ProtocolFamily>> = { mqtt: 'mqtt', mqtts: 'mqtt', 'secure-mqtt': 'mqtt', nats: 'nats', amqp: 'amqp', amqps: 'amqp', ws: 'ws', wss: 'ws' };

export const SUPPORTED_PROTOCOLS = Object.keys(FAMILIES);

export const familyOf = (protocol: string): ProtocolFamily | undefined => (Object.hasOwn(FAMILIES, protocol) ? FAMILIES[protocol] : undefined);
