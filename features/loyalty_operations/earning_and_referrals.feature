Feature: Points earned on bills and for referrals
  Seed 001 lists "transaction point allocation", "issue to the referrer" and "issue to referee" among the
  points actions a status can block. A bill earns points by the org's earn rule; a referral rewards both
  the referrer and the referee. Each credit is a line of the customer's points ledger.

  # Ruling 42: the earn rule is one org setting, CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT (default 1): a bill earns
  # its amount times the rate, rounded down to whole points.
  # Ruling 39: a customer is referred once (8237) and cannot refer themselves (8236). The referrer earns
  # CONF_LOYALTY_REFERRER_POINTS (default 100) and the referee CONF_LOYALTY_REFEREE_POINTS (default 50);
  # both sides are rewarded or neither.

  Background:
    Given an org with default settings

  Rule: A bill earns points by the org's earn rule

    @seed:000 @seed:001 @seed:003 @seed:contract @req:001-80 @req:000-90 @req:contract-22 @req:contract-23 @req:003-017
    Scenario Outline: A bill of <amount> earns <points> points at <rate> points per currency unit
      Given the org setting CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT is <rate>
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a bill of <amount> arrives through INSTORE with mobile M1
      Then the request succeeds
      And the bill earned <points> points
      And "Asha" has <points> points
      And the points ledger of "Asha" shows, after its opening balance:
        | event          | entry  | points   | reason |
        | TransactionAdd | CREDIT | <points> |        |

      Examples:
        | rate | amount | points |
        | 1    | 1250   | 1250   |
        | 0.1  | 1259   | 125    |
        | 0.29 | 100    | 29     |

  Rule: A referral rewards the referrer and the referee

    @seed:000 @seed:001 @seed:003 @seed:contract @req:001-81 @req:000-91 @req:contract-26 @req:003-020
    Scenario: The referrer and the referee earn their referral points
      Given the org setting CONF_LOYALTY_REFERRER_POINTS is 200
      And the org setting CONF_LOYALTY_REFEREE_POINTS is 75
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ravi" registered through INSTORE with mobile M2
      When "Asha" refers "Ravi"
      Then the request succeeds
      And the request gave "Asha" 200 points
      And the request gave "Ravi" 75 points
      And "Asha" has 200 points
      And "Ravi" has 75 points
      And the points ledger of "Asha" shows, after its opening balance:
        | event        | entry  | points | reason   |
        | GenericEvent | CREDIT | 200    | REFERRER |
      And the points ledger of "Ravi" shows, after its opening balance:
        | event        | entry  | points | reason  |
        | GenericEvent | CREDIT | 75     | REFEREE |

    @seed:contract @req:contract-26
    Scenario: A side whose referral reward is 0 gets nothing, the other side its points
      Given the org setting CONF_LOYALTY_REFEREE_POINTS is 0
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ravi" registered through INSTORE with mobile M2
      When "Asha" refers "Ravi"
      Then the request succeeds
      And the request gave "Asha" 100 points
      And the request gave "Ravi" 0 points
      And "Ravi" has 0 points
      And the points ledger of "Ravi" holds only its opening balance

    @seed:contract @req:contract-26
    Scenario: A customer is referred only once
      Given the org setting CONF_LOYALTY_REFERRER_POINTS is 200
      And the org setting CONF_LOYALTY_REFEREE_POINTS is 75
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And a loyalty customer "Meera" registered through INSTORE with mobile M3
      And "Asha" has referred "Ravi"
      When "Meera" refers "Ravi"
      Then the request is refused with error 8237
      And "Meera" has 0 points
      And "Ravi" has 75 points

    @seed:contract @req:contract-26
    Scenario: A customer cannot refer themselves
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" refers "Asha"
      Then the request is refused with error 8236
      And "Asha" has 0 points
