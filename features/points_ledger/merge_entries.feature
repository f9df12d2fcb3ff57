Feature: What a merge writes into the two ledgers
  Seed 003 "Merge Customer": "The Ledgers of the survivor and victim will remain distinct even after the
  merger. Merge event will result in a Debit entry in the Ledger of the victim and this will be the very last
  entry in the victim's ledger. Merge event will also reflect in the ledger of the survivor as a credit
  entry." and "The exception to this situation is if the victim had a negative points balance - in that
  scenario, the victim will have a credit entry, and the survivor will have a debit entry."

  # Ruling 103: the merge moves the victim's balance to the survivor: a MergeCustomer debit of the balance in
  # the victim's ledger and the same credit in the survivor's (the other way round for a negative balance),
  # one entry per program and category that holds points. A victim with nothing to move still gets its merge
  # entry (0 points), so the merge is always the last entry of its ledger. A merge victim cannot earn or
  # redeem afterwards (8067), so nothing follows it. This replaces the earlier reading that points move to no one.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a loyalty customer "Ravi" registered through INSTORE with mobile M2

  Rule: The victim's balance leaves its ledger as the last entry and arrives in the survivor's as a credit

    @seed:003 @req:003-044 @req:003-045 @req:003-046
    Scenario: A victim's points move to the survivor, each ledger keeping its own entries
      Given "Asha" has been given 500 goodwill points
      And "Ravi" has been given 300 goodwill points
      When a merge of "Ravi" into "Asha" is requested
      Then the request succeeds
      And the points ledger of "Ravi" shows, after its opening balance:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 300    |
        | MergeCustomer          | DEBIT  | 300    |
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 500    |
        | MergeCustomer          | CREDIT | 300    |
      And "Asha" has 800 points
      And "Ravi" has 0 points

    @seed:003 @req:003-045
    Scenario: Nothing is written into the victim's ledger after the merge
      Given "Ravi" has been given 300 goodwill points
      And "Ravi" has been merged into "Asha" on request
      When "Ravi" is given 100 goodwill points for "after the merge"
      Then the request is refused with error 8067
      And the last event of the ledger of "Ravi" is MergeCustomer

    @seed:003 @req:003-045 @req:003-046
    Scenario: A victim with no points still ends its ledger with the merge
      When a merge of "Ravi" into "Asha" is requested
      Then the request succeeds
      And the points ledger of "Ravi" shows, after its opening balance:
        | event         | entry | points |
        | MergeCustomer | DEBIT | 0      |
      And the points ledger of "Asha" shows, after its opening balance:
        | event         | entry  | points |
        | MergeCustomer | CREDIT | 0      |

    @seed:003 @req:003-045 @req:003-046
    Scenario: A merge made by an identifier change writes the same entries
      Given a loyalty customer "Meera" registered through ECOMMERCE with mobile M3
      And "Meera" has been given 250 goodwill points
      When "Meera" changes its mobile from M3 to M1 through ECOMMERCE
      Then "Meera" is merged into "Asha"
      And the points ledger of "Meera" shows, after its opening balance:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 250    |
        | MergeCustomer          | DEBIT  | 250    |
      And the points ledger of "Asha" shows, after its opening balance:
        | event         | entry  | points |
        | MergeCustomer | CREDIT | 250    |
      And "Asha" has 250 points

  Rule: A negative balance moves the other way

    @seed:003 @req:003-047
    Scenario: A victim who owes points gets a credit and the survivor a debit
      Given "Asha" has been given 500 goodwill points
      And a bill "B1" of 100 was paid through INSTORE with mobile M2
      And "Ravi" has redeemed 80 points
      And bill "B1" has been returned in full
      And "Ravi" has -80 points
      When a merge of "Ravi" into "Asha" is requested
      Then the request succeeds
      And the points ledger of "Ravi" shows, after its opening balance:
        | event             | entry  | points |
        | TransactionAdd    | CREDIT | 100    |
        | PointsRedemption  | DEBIT  | 80     |
        | TransactionReturn | DEBIT  | 100    |
        | MergeCustomer     | CREDIT | 80     |
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 500    |
        | MergeCustomer          | DEBIT  | 80     |
      And "Asha" has 420 points
      And "Ravi" has 0 points
