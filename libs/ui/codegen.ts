import type { CodegenConfig } from '@graphql-codegen/cli';

// The session's operations (sign in, refresh, sign out, me), typed from the gateway's committed schema.
const config: CodegenConfig = {
  schema: 'gateway/schema.graphql',
  documents: ['libs/ui/src/**/*.{ts,tsx}', '!libs/ui/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'libs/ui/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: { field: true, inputValue: false } },
    },
  },
};
export default config;
