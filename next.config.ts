import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // A self-contained server in .next/standalone (server.js and the node_modules it needs): what the
  // container runs, and what the end-to-end tests run against.
  output: 'standalone',
  // The project folder is the root of the traced files, whatever lies above it.
  outputFileTracingRoot: process.cwd(),
  // The InfluxDB client libraries and SQLite stay on the server, never bundled for the browser.
  serverExternalPackages: ['@influxdata/influxdb-client', '@influxdata/influxdb-client-apis'],
  poweredByHeader: false,
  // proxy.ts reads server action bodies to refuse malformed ones; more than this is refused as too large anyway.
  experimental: { proxyClientMaxBodySize: '2mb' },
  // The console may live behind any dev host; tests use 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
