import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build must not reach the API; URLs are read at request time (see src/lib/apollo).
  typedRoutes: true,
  // The permission table and shared rules are TypeScript source (packages/shared).
  transpilePackages: ['@concord/shared'],
};

export default nextConfig;
