import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The InfluxDB client libraries and SQLite stay on the server, never bundled for the browser.
  serverExternalPackages: ['@influxdata/influxdb-client', '@influxdata/influxdb-client-apis'],
  poweredByHeader: false,
  // proxy.ts reads server action bodies to refuse malformed ones; more than this is refused as too large anyway.
  experimental: { proxyClientMaxBodySize: '2mb' },
  // The console may live behind any dev host; tests use 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
