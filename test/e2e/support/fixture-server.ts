// A static HTTP server for fixture pages, on 127.0.0.1 with a free port. It records every request so that
// tests can assert the extension made none of its own (no beacons, no remote fonts, no analytics).
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as requested, e.g. `/e2e/article/index.html`. */
  readonly path: string;
  readonly status: number;
  readonly referer: string | undefined;
}

export interface FixtureServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
  /** Absolute URL of a path under the served folder. */
  url(path: string): string;
  /** Every request received so far, in order. */
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** Maps a URL path to a file inside `root`, or null when it would escape the folder. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

function fileToServe(root: string, urlPath: string): string | null {
  const file = resolveInside(root, urlPath);
  if (file === null) return null;
  try {
    const stat = statSync(file);
    if (stat.isFile()) return file;
    if (stat.isDirectory()) {
      const index = join(file, 'index.html');
      if (statSync(index).isFile()) return index;
    }
  } catch {
    // Missing file: answered with 404 below.
  }
  return null;
}

export async function startFixtureServer(root: string): Promise<FixtureServer> {
  const servedRoot = normalize(root);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    const pathname = new URL(path, 'http://127.0.0.1').pathname;
    const file =
      request.method === 'GET' || request.method === 'HEAD'
        ? fileToServe(servedRoot, pathname)
        : null;
    const status = file === null ? 404 : 200;
    requests.push({ method: request.method ?? '', path, status, referer: request.headers.referer });
    if (file === null) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path.replace(/^\/?/, '/'), origin).href,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
