Feature: Redemptions across programs in the ledger
  Seed 003 "Points Redemption": "This event will show details of the individual program from where the points
  were deducted. In the case of a group redemption, the total value of points redeemed will be available in
  the 'points_on_event' field. If we use program Id as a filter, by default it will only show the debits from
  that program - in order to see the group redemptions associated with the till id mapped to that program the
  user can use the 'includeTillConceptEvents' query parameter." Its debits include "Points Redemption
  (including group redemptions)".

  # Ruling 116: a redemption takes points from the default program first, then from the next programs in
  # order; one that takes from several programs is a group redemption, one event with a debit per program,
  # whose points_on_event is minus the total redeemed (debits count negative, as everywhere in the ledger). A
  # program filter hides group redemptions unless includeTillConceptEvents is set, and then shows all their
  # debits (the org's one till is mapped to every program).

  Background:
    Given the org setting CONF_LOYALTY_PROGRAMS is Fashion,Beauty
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And "Asha" has been given 100 goodwill points in "Fashion"
    And "Asha" has been given 200 goodwill points in "Beauty"

  Rule: A redemption names the programs its points came from

    @seed:003 @req:003-035 @req:003-027
    Scenario: A redemption within the default program names that program
      When "Asha" redeems 60 points
      Then the request succeeds
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points | program | points on event |
        | AllocateGoodwillPoints | CREDIT | 100    | Fashion | 100             |
        | AllocateGoodwillPoints | CREDIT | 200    | Beauty  | 200             |
        | PointsRedemption       | DEBIT  | 60     | Fashion | -60             |

    @seed:003 @req:003-036 @req:003-027 @req:003-035
    Scenario: A group redemption debits each program and totals them in points on event
      When "Asha" redeems 250 points
      Then the request succeeds
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points | program | points on event |
        | AllocateGoodwillPoints | CREDIT | 100    | Fashion | 100             |
        | AllocateGoodwillPoints | CREDIT | 200    | Beauty  | 200             |
        | PointsRedemption       | DEBIT  | 100    | Fashion | -250            |
        | PointsRedemption       | DEBIT  | 150    | Beauty  | -250            |
      And "Asha" has 50 points

  Rule: A program filter shows group redemptions only when asked to

    @seed:003 @req:003-037
    Scenario: The Beauty view leaves out the group redemption unless till-concept events are included
      Given "Asha" has redeemed 250 points
      When the ledger of "Asha" is read with these filters:
        | program    | Beauty |
        | entry type | Debit  |
      Then the ledger view shows no events
      When the ledger of "Asha" is read with these filters:
        | program                     | Beauty |
        | entry type                  | Debit  |
        | include till concept events | yes    |
      Then the ledger view shows:
        | event            | entry | points | program | points on event |
        | PointsRedemption | DEBIT | 100    | Fashion | -250            |
        | PointsRedemption | DEBIT | 150    | Beauty  | -250            |

    @seed:003 @req:003-037
    Scenario: The Fashion view shows the debits of a redemption from Fashion alone
      Given "Asha" has redeemed 60 points
      When the ledger of "Asha" is read with these filters:
        | program    | Fashion |
        | entry type | Debit   |
      Then the ledger view shows:
        | event            | entry | points | program |
        | PointsRedemption | DEBIT | 60     | Fashion |

    @seed:003 @req:003-036 @req:003-037
    Scenario: Without a program filter a group redemption shows with its debits from each program
      Given "Asha" has redeemed 250 points
      When the ledger of "Asha" is read with these filters:
        | entry type | Debit |
      Then the ledger view shows:
        | event            | entry | points | program | points on event |
        | PointsRedemption | DEBIT | 100    | Fashion | -250            |
        | PointsRedemption | DEBIT | 150    | Beauty  | -250            |

    @seed:003 @req:003-037
    Scenario: The Beauty view shows only what happened in Beauty, its opening balances included
      Given "Asha" has redeemed 60 points
      When the ledger of "Asha" is read with these filters:
        | program | Beauty |
      Then the ledger view shows:
        | event                  | entry           | points | program |
        | CustomerRegistration   | OPENING_BALANCE | 0      | Beauty  |
        | CustomerRegistration   | OPENING_BALANCE | 0      | Beauty  |
        | CustomerRegistration   | OPENING_BALANCE | 0      | Beauty  |
        | AllocateGoodwillPoints | CREDIT          | 200    | Beauty  |
      And the ledger view counts 2 entries in all, on 1 page

  Rule: A reversal credits each program the redemption took from

    @seed:003 @req:003-039 @req:003-019
    Scenario: Reversing a group redemption gives each program back its points
      Given "Asha" has redeemed 250 points
      When the redemption of 250 points by "Asha" is reversed
      Then the request succeeds
      And the ledger of "Asha" is read with these filters:
        | entry type | Credit |
      And the ledger view shows:
        | event                    | entry  | points | program |
        | AllocateGoodwillPoints   | CREDIT | 100    | Fashion |
        | AllocateGoodwillPoints   | CREDIT | 200    | Beauty  |
        | PointsRedemptionReversal | CREDIT | 100    | Fashion |
        | PointsRedemptionReversal | CREDIT | 150    | Beauty  |
      And "Asha" has 300 points

  Rule: The closing balance of a program's ledger view is that program's balance

    # Seed 003: "The user can provide the same query parameters used to fetch Ledger Entries and they would
    # get the closing balance as of the last entry in that ledger" (ruling 117: per program and category).
    @seed:003 @req:003-011
    Scenario: The Beauty view's closing balance is what is left in Beauty after a group redemption
      Given "Asha" has redeemed 250 points
      When the closing balance of "Asha" is read with these filters:
        | program | Beauty |
      Then the closing balances are:
        | program | category      | balance |
        | Beauty  | Regular       | 50      |
        | Beauty  | Promised      | 0       |
        | Beauty  | Trigger-based | 0       |
