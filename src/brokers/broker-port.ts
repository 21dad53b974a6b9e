/** The broker port lives in the engine (the core defines its doors); adapters implement it here. */
export type { BrokerMessage, BrokerPort, ReceiveOutcome } from '../engine/ports.js';
