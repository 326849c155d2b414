import { graphql } from '../gql';

export const MeQuery = graphql(`
  query BusinessMe {
    me {
      userId
      displayName
      roles
    }
  }
`);
