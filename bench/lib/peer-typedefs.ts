/**
 * The same graph model described for @neo4j/graphql (the benchmark peer only: a devDependency,
 * never part of the product). Property names follow docs/data-model.md.
 */
export const PEER_TYPEDEFS = /* GraphQL */ `
  type Person @node(labels: ["Person"]) @fulltext(indexes: [{ indexName: "person_names", queryName: "personNames", fields: ["name", "hangul", "hanja"] }]) {
    id: ID!
    name: String!
    hangul: String
    hanja: String
    aliases: [String!]
    searchKeys: [String!]
    summary: String
    disambiguation: String
    citations: String
    bornIso: String
    bornEarliest: Date
    bornLatest: Date
    diedIso: String
    diedEarliest: Date
    diedLatest: Date
    memberships: [Faction!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "MemberOf")
    participations: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "ParticipatedIn")
    offices: [Office!]! @relationship(type: "HELD", direction: OUT, properties: "Held")
    ties: [Person!]! @relationship(type: "TIE", direction: OUT, properties: "Tie")
    tiedBy: [Person!]! @relationship(type: "TIE", direction: IN, properties: "Tie")
  }
  type Faction @node(labels: ["Faction"]) {
    id: ID!
    name: String!
    description: String
  }
  type Office @node(labels: ["Office"]) {
    id: ID!
    title: String!
  }
  type Held @relationshipProperties {
    id: ID!
    certainty: String
    citations: String
    fromIso: String
    toIso: String
  }
  type Event @node(labels: ["Event"]) {
    id: ID!
    kind: String!
    title: String!
    summary: String
    certainty: String
    citations: String
    dateIso: String
    dateEarliest: Date
    dateLatest: Date
    participants: [Person!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "ParticipatedIn")
    ledTo: [Event!]! @relationship(type: "LED_TO", direction: OUT)
  }
  type MemberOf @relationshipProperties {
    id: ID!
    certainty: String
    certaintyRank: Int
    citations: String
    fromIso: String
    fromEarliest: Date
    fromLatest: Date
    toIso: String
    toEarliest: Date
    toLatest: Date
  }
  type ParticipatedIn @relationshipProperties {
    role: String!
    citations: String
  }
  type Tie @relationshipProperties {
    id: ID!
    kind: String!
    directed: Boolean
    certainty: String
    certaintyRank: Int
    summary: String
    citations: String
    fromIso: String
    fromEarliest: Date
    fromLatest: Date
    toIso: String
    toEarliest: Date
    toLatest: Date
  }
`;
