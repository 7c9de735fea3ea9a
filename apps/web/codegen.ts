import type { CodegenConfig } from '@graphql-codegen/cli';

// src/gql/ is generated from the API's committed schema; never edit it by hand.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      // Components read fields straight from query results; Apollo Client 4 has its own data masking
      // if we ever want it, so the preset's fragment masking stays off.
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        // Custom scalars arrive as JSON strings (LocalDate YYYY-MM-DD, DateTimeISO ISO 8601).
        scalars: { LocalDate: 'string', DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
