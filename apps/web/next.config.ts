import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build must not reach the API; URLs are read at request time (see src/lib/apollo).
  typedRoutes: true,
};

export default nextConfig;
