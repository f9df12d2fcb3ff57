Feature: Returns, transfers and redemption reversals in the ledger
  Seed 003 lists "Points Return" and "Points Transfer (in the sender's account)" among the debits,
  "Points Transfer (in the recipient's account)" and "Redemption Reversal" among the credits. "Transaction
  Return: This event can show both credit and debit entries. Debit in case of points return. Credit in case
  of redemption reversals. The 'points_on_event' field would show the net of both the credits and the
  debits. The transaction ID of the return transaction will be provided here." "Points Transfer: ... it will
  only show the credit or debit entry depending on whether the user is a recipient or sender for that
  particular event." "Redemption Reversal: It will be shown as a credit event into the account it is being
  reversed into."

  # Ruling 109: a bill is returned by its transaction number, in full or an amount of it. The return takes
  # back the points the returned part earned, in proportion to the amount (rounded down, so returning all of
  # it in parts takes back exactly what the bill earned), and a full return also reverses the redemptions
  # made on that bill (a partial one reverses none). A return is a transaction of its own, with its own id.
  # Returning more than is left is refused (8312), an unknown bill 8311, an amount not above 0 8313. The
  # points taken back may leave the balance below zero when they were already spent.
  # Ruling 110: a transfer moves a positive whole number of points (8235), at most the sender's balance
  # (8234), to another customer of the org: to oneself 8310, to an unknown customer 8015, to or from a merge
  # victim 419 (the docs' code for transfers). Ruling 111: a reversal names the redemption by the id its
  # redemption answered; once only (8314), an unknown one 8315.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a loyalty customer "Ravi" registered through INSTORE with mobile M2

  Rule: A return debits the points the bill earned and credits back what was redeemed on it

    @seed:003 @req:003-025 @req:003-041 @req:003-042 @req:003-043
    Scenario: A full return takes back the bill's points and reverses the redemption made on it
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And "Asha" has redeemed 300 points on bill "B1"
      When bill "B1" is returned in full
      Then the request succeeds
      And the return took back 1000 points and gave back 300 redeemed points
      And the points ledger of "Asha" shows, after its opening balance:
        | event             | entry  | points | points on event |
        | TransactionAdd    | CREDIT | 1000   | 1000            |
        | PointsRedemption  | DEBIT  | 300    | -300            |
        | TransactionReturn | DEBIT  | 1000   | -700            |
        | TransactionReturn | CREDIT | 300    | -700            |
      And the TransactionReturn event of "Asha" names the return transaction
      And "Asha" has 0 points
      And "Asha" has 1000 lifetime points and has redeemed 0

    @seed:003 @req:003-025 @req:003-041 @req:003-042
    Scenario: A partial return takes back the points of the part returned, and reverses no redemption
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And "Asha" has redeemed 100 points on bill "B1"
      When 250 of bill "B1" is returned
      Then the request succeeds
      And the return took back 250 points and gave back 0 redeemed points
      And the points ledger of "Asha" shows, after its opening balance:
        | event             | entry  | points | points on event |
        | TransactionAdd    | CREDIT | 1000   | 1000            |
        | PointsRedemption  | DEBIT  | 100    | -100            |
        | TransactionReturn | DEBIT  | 250    | -250            |
      And "Asha" has 650 points

    @seed:003 @req:003-025
    Scenario: Returning a bill in parts takes back exactly what it earned
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      When 333.33 of bill "B1" is returned
      Then the return took back 333 points and gave back 0 redeemed points
      When 666.67 of bill "B1" is returned
      Then the return took back 667 points and gave back 0 redeemed points
      And "Asha" has 0 points

    @seed:003 @req:003-043 @req:003-033
    Scenario: Only the bill's own event names its transaction number
      Given a bill "B1" of 400 was paid through INSTORE with mobile M1
      And "Asha" has been given 50 goodwill points
      And "Asha" has redeemed 30 points
      Then the TransactionAdd event of "Asha" names bill "B1" by its transaction number and id
      And no other event of "Asha" names a transaction number

    @seed:003 @req:003-025
    Scenario Outline: <what> is refused and changes nothing
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And the loyalty accounts of "Asha" and "Ravi" are noted
      When <request>
      Then the request is refused with error <code>
      And the loyalty accounts of "Asha" and "Ravi" are unchanged

      Examples:
        | what                                   | request                              | code |
        | Returning more than was bought         | 1000.01 of bill "B1" is returned     | 8312 |
        | Returning nothing                      | 0 of bill "B1" is returned           | 8313 |
        | Returning a bill nobody paid           | "Asha" returns a bill nobody paid    | 8311 |
        | Returning another customer's bill      | "Ravi" returns bill "B1"             | 8311 |

    @seed:003 @req:003-025
    Scenario: Each bill is returned on its own
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And a bill "B2" of 500 was paid through INSTORE with mobile M1
      And 250 of bill "B1" is returned
      When bill "B2" is returned in full
      Then the request succeeds
      And the return took back 500 points and gave back 0 redeemed points
      When bill "B1" is returned in full
      Then the return took back 750 points and gave back 0 redeemed points
      And "Asha" has 0 points

    @seed:003 @req:003-025 @req:003-019
    Scenario: A bill returned in parts reverses no redemption, not even with its last part
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And "Asha" has redeemed 100 points on bill "B1"
      And 400 of bill "B1" is returned
      When 600 of bill "B1" is returned
      Then the request succeeds
      And the return took back 600 points and gave back 0 redeemed points
      And "Asha" has -100 points

    @seed:003 @req:003-025 @req:003-019
    Scenario: A full return does not credit again a redemption already reversed
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And "Asha" has redeemed 300 points on bill "B1"
      And "Asha" has redeemed 200 points on bill "B1"
      And the redemption of 300 points by "Asha" is reversed
      When bill "B1" is returned in full
      Then the request succeeds
      And the return took back 1000 points and gave back 200 redeemed points
      And "Asha" has 0 points

    @seed:003 @req:003-025 @req:003-010
    Scenario: A return is made at the store of the bill it returns
      Given a bill "B1" of 400 was paid at store S001 through INSTORE with mobile M1
      When bill "B1" is returned in full
      Then the request succeeds
      And the TransactionReturn event of "Asha" names store S001

    @seed:003 @req:003-025 @req:003-019
    Scenario: A full return of a bill that earned no points credits back only the redemption made on it
      Given "Asha" has been given 500 goodwill points
      And a bill "B1" of 0.5 was paid through INSTORE with mobile M1
      And "Asha" has redeemed 300 points on bill "B1"
      When bill "B1" is returned in full
      Then the request succeeds
      And the return took back 0 points and gave back 300 redeemed points
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points | points on event |
        | AllocateGoodwillPoints | CREDIT | 500    | 500             |
        | PointsRedemption       | DEBIT  | 300    | -300            |
        | TransactionReturn      | CREDIT | 300    | 300             |
      And "Asha" has 500 points

    @seed:003 @req:003-025
    Scenario: A bill returned in full cannot be returned again
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And bill "B1" has been returned in full
      And the loyalty accounts of "Asha" and "Ravi" are noted
      When bill "B1" is returned in full
      Then the request is refused with error 8312
      And the loyalty accounts of "Asha" and "Ravi" are unchanged

  Rule: A transfer is a debit in the sender's ledger and a credit in the recipient's

    @seed:003 @req:003-018 @req:003-028 @req:003-038
    Scenario: Points move from one customer to another
      Given "Asha" has been given 500 goodwill points
      When "Asha" transfers 200 points to "Ravi"
      Then the request succeeds
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 500    |
        | PointsTransfer         | DEBIT  | 200    |
      And the points ledger of "Ravi" shows, after its opening balance:
        | event          | entry  | points |
        | PointsTransfer | CREDIT | 200    |
      And "Asha" has 300 points
      And "Ravi" has 200 points

    @seed:003 @req:003-028
    Scenario Outline: <what> is refused and changes nothing
      Given "Asha" has been given 500 goodwill points
      And the loyalty accounts of "Asha" and "Ravi" are noted
      When <request>
      Then the request is refused with error <code>
      And the loyalty accounts of "Asha" and "Ravi" are unchanged

      Examples:
        | what                                     | request                                        | code |
        | A transfer to oneself                    | "Asha" transfers 100 points to "Asha"          | 8310 |
        | A transfer to an unknown customer        | "Asha" transfers 100 points to an unknown customer | 8015 |
        | A transfer of more points than held      | "Asha" transfers 501 points to "Ravi"          | 8234 |
        | A transfer of no points                  | "Asha" transfers 0 points to "Ravi"            | 8235 |
        | A transfer of part of a point            | "Asha" transfers 2.5 points to "Ravi"          | 8235 |

    @seed:003 @req:003-028
    Scenario: A merge victim can neither send nor receive points
      Given "Asha" has been given 500 goodwill points
      And a loyalty customer "Meera" registered through INSTORE with mobile M3
      And "Meera" has been merged into "Ravi" on request
      When "Asha" transfers 100 points to "Meera"
      Then the request is refused with error 419
      And "Asha" has 500 points

  Rule: A reversed redemption is credited back

    @seed:003 @req:003-019 @req:003-039
    Scenario: A redemption reversal credits the points back into the account they came from
      Given "Asha" has been given 500 goodwill points
      And "Asha" has redeemed 200 points
      When the redemption of 200 points by "Asha" is reversed
      Then the request succeeds
      And the points ledger of "Asha" shows, after its opening balance:
        | event                    | entry  | points | category |
        | AllocateGoodwillPoints   | CREDIT | 500    | Regular  |
        | PointsRedemption         | DEBIT  | 200    | Regular  |
        | PointsRedemptionReversal | CREDIT | 200    | Regular  |
      And "Asha" has 500 points
      And "Asha" has 500 lifetime points and has redeemed 0

    @seed:003 @req:003-019
    Scenario: A redemption is reversed once
      Given "Asha" has been given 500 goodwill points
      And "Asha" has redeemed 200 points
      And the redemption of 200 points by "Asha" is reversed
      And the loyalty accounts of "Asha" and "Ravi" are noted
      When the redemption of 200 points by "Asha" is reversed
      Then the request is refused with error 8314
      And the loyalty accounts of "Asha" and "Ravi" are unchanged

    @seed:003 @req:003-019
    Scenario: Reversing one redemption leaves the others reversible
      Given "Asha" has been given 500 goodwill points
      And "Asha" has redeemed 200 points
      And "Asha" has redeemed 100 points
      And the redemption of 200 points by "Asha" is reversed
      When the redemption of 100 points by "Asha" is reversed
      Then the request succeeds
      And "Asha" has 500 points

    @seed:003 @req:003-019 @req:003-025
    Scenario: A redemption its bill's full return gave back cannot be reversed again, others still can
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And "Asha" has redeemed 300 points on bill "B1"
      And "Asha" has redeemed 200 points
      And bill "B1" has been returned in full
      And the loyalty accounts of "Asha" and "Ravi" are noted
      When the redemption of 300 points by "Asha" is reversed
      Then the request is refused with error 8314
      And the loyalty accounts of "Asha" and "Ravi" are unchanged
      When the redemption of 200 points by "Asha" is reversed
      Then the request succeeds
      And "Asha" has 0 points

    @seed:003 @req:003-019 @req:003-025
    Scenario: A redemption on a bill returned only in part can still be reversed
      Given a bill "B1" of 1000 was paid through INSTORE with mobile M1
      And "Asha" has redeemed 100 points on bill "B1"
      And 250 of bill "B1" is returned
      When the redemption of 100 points by "Asha" is reversed
      Then the request succeeds
      And "Asha" has 750 points

    @seed:003 @req:003-019
    Scenario: A redemption never made cannot be reversed
      When a redemption "Asha" never made is reversed
      Then the request is refused with error 8315

  Rule: An import may take points, as a redemption or an expiry

    # Ruling 114: an import's type REDEMPTION or EXPIRY makes it take points: a PointsRedemption or PointsExpiry
    # debit naming the import, at most the balance (8234).
    @seed:003 @req:003-032
    Scenario Outline: An import takes points as <kind>
      Given "Asha" has been given 500 goodwill points
      When an import takes 120 points from "Asha" as <article> <kind> from "legacy-<kind>s.csv"
      Then the request succeeds
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points | reason              |
        | AllocateGoodwillPoints | CREDIT | 500    | welcome gesture     |
        | <event>                | DEBIT  | 120    | legacy-<kind>s.csv  |
      And "Asha" has 380 points

      Examples:
        | kind       | article | event            |
        | redemption | a       | PointsRedemption |
        | expiry     | an      | PointsExpiry     |

    @seed:003 @req:003-032
    Scenario: An import cannot take more points than the customer holds
      Given "Asha" has been given 100 goodwill points
      When an import takes 120 points from "Asha" as an expiry from "legacy-expiries.csv"
      Then the request is refused with error 8234
      And "Asha" has 100 points
