/** Port checks done before anything starts, so a clash names the port and its variable. */
import net from 'node:net';
import { StartupError } from './startup-error.js';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function portInUseMessage(port: number, variable: string, what: string): string {
  return `Port ${port} is already in use, so ${what} cannot listen on it. Stop whatever holds it, or set ${variable} to another port (for example ${variable}=${port + 1}).`;
}

export async function requirePortFree(port: number, variable: string, what: string, host = '127.0.0.1'): Promise<void> {
  if (port !== 0 && !(await isPortFree(port, host))) throw new StartupError(portInUseMessage(port, variable, what));
}
