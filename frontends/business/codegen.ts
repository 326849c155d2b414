import type { CodegenConfig } from '@graphql-codegen/cli';

// The business app's operations, typed from the gateway's committed schema (`npx nx run business-web:codegen`).
const config: CodegenConfig = {
  schema: 'gateway/schema.graphql',
  documents: ['frontends/business/src/**/*.{ts,tsx}', '!frontends/business/src/gql/**'],
  generates: {
    'frontends/business/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: { field: true, inputValue: false } },
    },
  },
};
export default config;
