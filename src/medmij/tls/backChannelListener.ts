// The back channel's own HTTPS listener (TLS_BACK_CHANNEL=port): mutual TLS with the
// PKIoverheid private G1 certificate, routed into the same Fastify app as the main listener,
// so routes, hooks, logging and metrics are shared. Which routes may be served is decided per
// route (clientCertificate.ts): a front-channel page reached here is harmless, a back-channel
// route reached on the main listener finds no client certificate and refuses.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { MedmijTlsSettings } from '../../config/config.ts';
import { backChannelHttpsOptions } from './httpsOptions.ts';

export interface BackChannelListener {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts listening on `host`:BACK_CHANNEL_PORT; call after the app is ready. */
export async function listenBackChannel(
  app: FastifyInstance,
  settings: MedmijTlsSettings,
  host: string,
  port: number = settings.backChannelPort,
): Promise<BackChannelListener> {
  await app.ready();
  const server = createServer(backChannelHttpsOptions(settings), (req, res) =>
    app.routing(req, res),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `https://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
