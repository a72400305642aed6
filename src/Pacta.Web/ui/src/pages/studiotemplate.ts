/**
 * The studio's starting template: a bilateral guarantee to Ukraine in the corpus's file format (docs/format.md), with
 * the fields a negotiator changes first (trigger, obligor, strength, deadline). Placeholder source: a draft cites
 * itself until it has a text to cite.
 */
export const TEMPLATE = `id: bilateral-guarantee-draft
title: Draft bilateral security guarantee for Ukraine
short_title: Bilateral guarantee (draft)
form: proposal
status: proposal
bindingness: legal
dates:
  signed: open
  in_force: open
  ends: open
  duration: P10Y
parties:
  - state: USA
    role: guarantor
    from: open
    to: open
  - state: UKR
    role: beneficiary
    from: open
    to: open
sources:
  - id: draft
    url: https://example.org/draft
    supports: the text of this draft
provisions:
  - id: guarantee
    citation: Article 1
    kind: defense
    summary: An armed attack on Ukraine obliges the guarantor to come to its assistance.
    sources: [draft]
    trigger:
      kinds: [armed-attack]
      target: UKR
      attacker: anyone
    obligations:
      - obligor: USA
        beneficiary: target
        action: Assist Ukraine, including with armed force.
        strength: automatic
        deadline: PT72H
        assistance: [military]
`;
