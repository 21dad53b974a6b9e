// Arazzo 1.1.0 §Step Object channelPath: a URI-fragment JSON Pointer into the AsyncAPI document.
// Its tokens are percent-decoded and ~-unescaped; a '%' that is not an escape is kept as written
// (it used to throw URIError at load).
import { describe, expect, it } from 'vitest';
import { resolveAsyncChannel } from '../../../src/plan/async-channel.js';

const doc = {
  asyncapi: '3.0.0',
  servers: { broker: { host: 'localhost:1883', protocol: 'mqtt' } },
  channels: { 'orders/confirmed': { address: 'orders/confirmed' }, '50%off': { address: 'deals' } },
};

describe('resolveAsyncChannel: channelPath fragments', () => {
  it('decodes ~1 and percent escapes in a channel name', () => {
    for (const text of ['{$sourceDescriptions.e.url}#/channels/orders~1confirmed', '{$sourceDescriptions.e.url}#/channels/orders%2Fconfirmed']) {
      const resolved = resolveAsyncChannel(doc, 'e', { field: 'channelPath', text }, 'receive');
      expect(resolved).toMatchObject({ ok: true, channel: { address: 'orders/confirmed', serverUrl: 'mqtt://localhost:1883' } });
    }
  });

  it('keeps a % that is not an escape instead of throwing', () => {
    const resolved = resolveAsyncChannel(doc, 'e', { field: 'channelPath', text: '{$sourceDescriptions.e.url}#/channels/50%off' }, 'send');
    expect(resolved).toMatchObject({ ok: true, channel: { address: 'deals' } });
  });
});
