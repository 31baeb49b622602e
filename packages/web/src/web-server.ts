import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { err, ok, type Result } from 'neverthrow';

/** Settings of {@link startWebServer}. */
export interface WebServerSettings {
  app: Hono<any>;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 8080 */
  port?: number;
  /**
   * The operator named the host on purpose (`--host`). Without it, only a loopback host is
   * served: the office's evidence is not put on the network by accident.
   */
  hostExplicit?: boolean;
  /** PEM key and certificate: serve HTTPS. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

/** A running server. */
export interface WebServer {
  url: string;
  /** Lines to show the operator (e.g. no TLS on a network interface), Indonesian and English. */
  warnings: Array<{ id: string; en: string }>;
  close(): Promise<void>;
}

/** Why the server did not start. */
export type WebServerError = { type: 'host_not_allowed'; message: string } | { type: 'listen_failed'; message: string };

/** Whether a host name or address means this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/** Start serving the app; refuses a non-loopback host unless it was named explicitly. */
export async function startWebServer(settings: WebServerSettings): Promise<Result<WebServer, WebServerError>> {
  const host = settings.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  if (!loopback && !settings.hostExplicit) {
    return err({ type: 'host_not_allowed', message: `menolak melayani di ${host} tanpa --host; aplikasi hanya di 127.0.0.1 kecuali diminta / refusing to serve on ${host} without --host; the app serves 127.0.0.1 unless asked` });
  }
  const warnings: WebServer['warnings'] = [];
  if (!loopback && !settings.tls) {
    warnings.push({
      id: `PERINGATAN: melayani di ${host} tanpa TLS; kata sandi dan bukti lewat jaringan tanpa sandi. Pasang TLS (--tls-key/--tls-cert) atau proxy HTTPS.`,
      en: `WARNING: serving on ${host} without TLS; passwords and evidence cross the network unencrypted. Configure TLS (--tls-key/--tls-cert) or an HTTPS proxy.`,
    });
  }
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const started = serve(
        {
          fetch: settings.app.fetch,
          hostname: host,
          port: settings.port ?? 8080,
          ...(settings.tls ? { createServer: createHttpsServer, serverOptions: { key: settings.tls.key, cert: settings.tls.cert } } : {}),
        },
        () => resolve(started),
      );
      started.once('error', reject);
    });
  } catch (error) {
    return err({ type: 'listen_failed', message: `tidak dapat mendengar di ${host}:${settings.port ?? 8080} / cannot listen on ${host}:${settings.port ?? 8080}: ${(error as Error).message}` });
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return ok({
    url: `${settings.tls ? 'https' : 'http'}://${shownHost}:${address.port}`,
    warnings,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
