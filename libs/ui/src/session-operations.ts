import { graphql } from './gql';

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      expiresIn
    }
  }
`);

export const RefreshMutation = graphql(`
  mutation RefreshSession($input: RefreshInput!) {
    refreshSession(input: $input) {
      accessToken
      refreshToken
      expiresIn
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      accepted
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      userId
      displayName
      email
      roles
      tenant
      totpEnabled
    }
  }
`);
