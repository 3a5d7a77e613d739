/**
 * Preload for the security tests: `node -r out/test/support/no-network.js dist/server.js --stdio`.
 *
 * Every way out of the machine (sockets, HTTP(S), HTTP/2, TLS, UDP, DNS, fetch, WebSocket) and
 * every way to run another program (child_process) is replaced by a function that records the
 * attempt and throws. The log file (GPUPLAN_NETWORK_LOG) gets one `loaded` line per process that
 * ran with this preload and one `blocked` line per attempt, so a test can prove both that the
 * preload was active and that nothing tried to get out, even where the code under test would
 * swallow the exception. The stdio pipes of the LSP are created by node itself before this runs
 * and use none of these functions.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
// Types only (erased from the output): the values are the real modules, required below.
import type * as ChildProcessModule from 'node:child_process';
import type * as DgramModule from 'node:dgram';
import type * as DnsModule from 'node:dns';
import type * as FsModule from 'node:fs';
import type * as HttpModule from 'node:http';
import type * as Http2Module from 'node:http2';
import type * as HttpsModule from 'node:https';
import type * as NetModule from 'node:net';
import type * as TlsModule from 'node:tls';
// require, not `import * as`: with esModuleInterop an import namespace is a copy, and replacing a
// function on the copy would leave the real module untouched.
const childProcess = require('node:child_process') as typeof ChildProcessModule;
const dgram = require('node:dgram') as typeof DgramModule;
const dns = require('node:dns') as typeof DnsModule;
const fs = require('node:fs') as typeof FsModule;
const http = require('node:http') as typeof HttpModule;
const http2 = require('node:http2') as typeof Http2Module;
const https = require('node:https') as typeof HttpsModule;
const net = require('node:net') as typeof NetModule;
const tls = require('node:tls') as typeof TlsModule;

const logFile = process.env.GPUPLAN_NETWORK_LOG;
const note = (line: string): void => {
  if (logFile) fs.appendFileSync(logFile, `${line}\n`);
};

note(`loaded ${process.pid} ${process.argv.slice(1).join(' ')}`);

function block(label: string, target: object, names: readonly string[]): void {
  for (const name of names) {
    const original = (target as Record<string, unknown>)[name];
    if (typeof original !== 'function') continue;
    const blocked = function blocked(...args: unknown[]): never {
      const what = args.length > 0 && (typeof args[0] === 'string' || typeof args[0] === 'number') ? ` ${String(args[0]).slice(0, 200)}` : '';
      note(`blocked ${process.pid} ${label}.${name}${what}`);
      throw new Error(`gpuplan tests: ${label}.${name} is blocked (no network, nothing executed)`);
    };
    Object.defineProperty(target, name, { value: blocked, writable: true, configurable: true, enumerable: true });
  }
}

block('net', net, ['connect', 'createConnection', 'createServer']);
block('net.Socket.prototype', net.Socket.prototype, ['connect']);
block('net.Server.prototype', net.Server.prototype, ['listen']);
block('tls', tls, ['connect', 'createServer']);
block('http', http, ['request', 'get', 'createServer']);
block('https', https, ['request', 'get', 'createServer']);
block('http2', http2, ['connect', 'createServer', 'createSecureServer']);
block('dgram', dgram, ['createSocket']);
block('dns', dns, [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCname',
  'resolveMx',
  'resolveNs',
  'resolveSrv',
  'resolveTxt',
  'reverse',
]);
block('dns.promises', dns.promises, ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
block('globalThis', globalThis, ['fetch', 'WebSocket', 'EventSource']);
block('child_process', childProcess, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);

// ES modules that import these builtins see the blocked functions too.
(require('node:module') as { syncBuiltinESMExports(): void }).syncBuiltinESMExports();
