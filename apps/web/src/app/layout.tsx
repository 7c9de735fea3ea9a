import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ApolloProvider } from '@/lib/apollo/apollo-provider.client';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Concord', template: '%s · Concord' },
  description: 'The coordination graph for mass atrocity prevention and response.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <ApolloProvider>{children}</ApolloProvider>
      </body>
    </html>
  );
}
