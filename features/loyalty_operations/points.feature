Feature: Points: goodwill, import and redemption
  Seed 001 names the points actions a status can block: "transaction point allocation, allocation points,
  target point allocation, issue to the referrer, issue to referee, goodwill points, import profile". The
  reference offers transaction points, goodwill points, referral points (referrer and referee), points on
  import and redemption. Every credit and debit is a line of the customer's points ledger, and the balance
  is the ledger's closing balance.

  # Ruling 40: points given or redeemed are positive whole numbers (else 8235); a redemption above the balance is
  # refused with 8234. A refused points request changes no balance and writes no ledger line.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1

  Rule: Goodwill points and imported points are credited to the customer

    @seed:000 @seed:001 @seed:contract @req:001-82 @req:000-92 @req:contract-24 @req:contract-23
    Scenario: Goodwill points are credited with their reason
      When "Asha" is given 350 goodwill points for "late delivery"
      Then the request succeeds
      And the request gave "Asha" 350 points
      And "Asha" has 350 points
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points | reason        |
        | AllocateGoodwillPoints | CREDIT | 350    | late delivery |

    @seed:000 @seed:001 @seed:003 @seed:contract @req:001-83 @req:000-93 @req:contract-25 @req:003-023
    Scenario: Points brought in by an import are credited
      When 1200 points are imported for "Asha" from "legacy-program-2024.csv"
      Then the request succeeds
      And the request gave "Asha" 1200 points
      And "Asha" has 1200 points
      And the points ledger of "Asha" shows, after its opening balance:
        | event              | entry  | points | reason                  |
        | BulkAllocatePoints | CREDIT | 1200   | legacy-program-2024.csv |

    @seed:contract @req:contract-24 @req:contract-25
    Scenario Outline: <points> points are refused, and the balance does not change
      Given "Asha" has been given 100 goodwill points
      When <request>
      Then the request is refused with error 8235
      And "Asha" has 100 points
      And "Asha" has 100 lifetime points and has redeemed 0

      Examples:
        | points | request                                                   |
        | 0      | "Asha" is given 0 goodwill points for "nothing"           |
        | -50    | "Asha" is given -50 goodwill points for "negative"        |
        | 2.5    | 2.5 points are imported for "Asha" from "fractions.csv"   |

    @seed:contract @req:contract-31
    Scenario: Goodwill points for an unknown customer are refused
      When an unknown customer is given 100 goodwill points for "typo"
      Then the request is refused with error 8015

    @seed:contract @req:contract-31
    Scenario: A merge victim gets no points
      Given a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And "Ravi" has been merged into "Asha" on request
      When "Ravi" is given 100 goodwill points for "late delivery"
      Then the request is refused with error 8067
      And "Ravi" has 0 points
      And "Asha" has 0 points

  Rule: Redemption takes points from the balance, never more than it holds

    @seed:contract @req:contract-27 @req:contract-23
    Scenario: Points are redeemed from the balance
      Given "Asha" has been given 500 goodwill points
      When "Asha" redeems 200 points
      Then the request succeeds
      And "Asha" has 300 points
      And "Asha" has 500 lifetime points and has redeemed 200
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points | reason          |
        | AllocateGoodwillPoints | CREDIT | 500    | welcome gesture |
        | PointsRedemption       | DEBIT  | 200    |                 |

    @seed:contract @req:contract-27
    Scenario: A redemption above the balance is refused and takes nothing
      Given "Asha" has been given 100 goodwill points
      When "Asha" redeems 150 points
      Then the request is refused with error 8234
      And "Asha" has 100 points
      And "Asha" has 100 lifetime points and has redeemed 0

    @seed:contract @req:contract-27
    Scenario Outline: Redeeming <points> points is refused and takes nothing
      Given "Asha" has been given 100 goodwill points
      When "Asha" redeems <points> points
      Then the request is refused with error 8235
      And "Asha" has 100 points

      Examples:
        | points |
        | 0      |
        | -20    |
        | 10.5   |
