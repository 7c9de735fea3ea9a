import { graphql } from '@/gql';

/** Who is signed in, for which organisations, and what the permission table lets them do. */
export const viewerQuery = graphql(`
  query Viewer {
    viewer {
      kind
      user {
        id
        displayName
        email
      }
      memberships {
        role
        actor {
          id
          name
          acronym
        }
      }
      permissions
    }
  }
`);

export const signInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        kind
      }
    }
  }
`);

export const signOutMutation = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);
