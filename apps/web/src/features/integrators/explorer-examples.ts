/** The explorer's first tabs: who you are, then the README's examples. */
export const EXPLORER_TABS: { query: string; variables?: string }[] = [
  {
    query: `# Who is asking: a signed-in person (USER) or a token (TOKEN)?
# Paste a token into the Headers below as {"Authorization": "Bearer cnc_…"}
# and run this again to act as the token.
query WhoAmI {
  viewer {
    kind
    memberships { role actor { name acronym } }
    permissions
  }
}
`,
  },
  {
    query: `# UNMISS with its mandates and partners (public: no token needed).
query Unmiss {
  actors(filter: { search: "UNMISS" }, first: 1) {
    edges { node {
      name acronym
      mandates(first: 5) { edges { node { symbol adoptedOn } } }
      partners(first: 10) { edges { direction partnership { kind validFrom } node { name acronym } } }
    } }
  }
}
`,
  },
  {
    query: `# The exercise plan's open tasks, soonest due first, with who was asked to do them.
query ExercisePlanTasks {
  responsePlans(first: 5, filter: { search: "Northern Lakes" }) { edges { node {
    title status leadActor { name }
    tasks(first: 10, filter: { statuses: [PROPOSED, ACCEPTED] }, orderBy: { field: DUE_ON, direction: ASC }) {
      totalCount
      edges { node {
        title dueOn
        assignments(first: 5) { edges { node { id role status actor { acronym } } } }
      } }
    }
  } } }
}
`,
  },
  {
    query: `# Answering an assignment: for a partner, or a token with write:assignments.
# Put the id of one of your organisation's assignments in the variables below
# (the tab before lists some), then run it. DECLINE and COUNTER_PROPOSE need a reason.
mutation AnswerAssignment($id: ID!) {
  respondToAssignment(input: { assignmentId: $id, response: DECLINE, reason: "No helicopter capacity before March" }) {
    assignment { status reason respondedAt }
  }
}
`,
    variables: '{\n  "id": "paste an assignment id here"\n}\n',
  },
];
