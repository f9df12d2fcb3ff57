Feature: Code-linked promotions
  Brands issue promo codes to loyal or anonymous customers through partners, influencers or physical coupons;
  a code is availed at checkout or billing, where the platform validates it (seed 003 "Code linked
  promotions"). The link-code API turns a physical code into one customer's digital code, applied by itself
  at their next checkout.

  # Ruling 132: "availed at the time of checkout or billing based on code validation": the code travels with
  # the bill, and a bill whose code does not validate is refused whole (ruling 5), so nothing changes.
  # Promotions here are valid till 2099 unless a scenario sets the org's clock to test their expiry.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a code-linked promotion "Get 10% off on a bill of more than 100$" of PERC 10 off bills above 100, valid till 2099-12-31

  Rule: A promo code gives its promotion's benefit on a bill that validates it

    @seed:003 @req:003-100 @req:003-111
    Scenario Outline: The seed's ZN34C gives 10% off a bill of more than 100: a bill of <bill>
      Given the brand uploaded the promo code ZN34C for "Get 10% off on a bill of more than 100$"
      When "Asha" pays a bill of <bill> with promo code ZN34C
      Then <outcome>
      And promo code ZN34C has been redeemed <redeemed> times

      Examples:
        | bill | outcome                                           | redeemed |
        | 150  | the bill got 15 off with promo code ZN34C         | 1        |
        | 1000 | the bill got 100 off with promo code ZN34C        | 1        |
        | 100  | the request is refused with error 8511            | 0        |

    # Only a percentage is capped at 100: an amount off may be any amount above 0, and takes at most the bill.
    @seed:003 @req:003-100
    Scenario Outline: A promotion of <type> <value> off takes <discount> off a bill of <bill>
      Given a code-linked promotion "Big" of <type> <value> off, valid till 2099-12-31
      And the brand uploaded the promo code BIG1 for "Big"
      When "Asha" pays a bill of <bill> with promo code BIG1
      Then the bill got <discount> off with promo code BIG1

      Examples:
        | type | value | bill | discount |
        | ABS  | 500   | 1200 | 500      |
        | ABS  | 500   | 300  | 300      |
        | PERC | 100   | 200  | 200      |

    @seed:003 @req:003-100
    Scenario: A bill with a code the org never issued is refused and not recorded
      When "Asha" pays a bill of 150 with promo code NOSUCH99
      Then the request is refused with error 8505
      And "Asha" has no transactions

    @seed:003 @req:003-100
    Scenario Outline: A promotion with <flaw> is refused
      When a code-linked promotion "Broken" of <type> <value> off, valid till <till>, is created
      Then the request is refused with error 8500

      Examples:
        | flaw                      | type | value | till       |
        | an unknown discount type  | FREE | 10    | 2099-12-31 |
        | a percentage above 100    | PERC | 150   | 2099-12-31 |
        | no discount               | ABS  | 0     | 2099-12-31 |
        | an expiry that is no date | ABS  | 10    | someday    |

    # The contract's PromotionRequest: "minBillAmount 0 or more"; PromotionLimits: "each a whole number from 1".
    @seed:003 @req:003-100
    Scenario: A promotion for bills above a negative amount is refused
      When a code-linked promotion "Broken" of ABS 10 off bills above -1, valid till 2099-12-31, is created
      Then the request is refused with error 8500

    @seed:003 @req:003-100
    Scenario: A promotion with a blank name is refused
      When a code-linked promotion "  " of ABS 10 off, valid till 2099-12-31, is created
      Then the request is refused with error 8500

    @seed:003 @req:003-100 @req:003-107
    Scenario Outline: A promotion allowing <limit> <restriction> is refused
      When a code-linked promotion "Broken" of ABS 10 off, valid till 2099-12-31, is created with at most <limit> <restriction>
      Then the request is refused with error 8500

      Examples:
        | restriction                   | limit |
        | redemptions of a code         | 0     |
        | redemptions per customer      | 2.5   |
        | transactions of the promotion | -1    |

  Rule: Codes are generated automatically or uploaded by the brand, and more can be added after the promotion exists

    @seed:003 @req:003-101 @req:003-102
    Scenario: Codes generated and uploaded after the promotion was created all redeem it
      When 3 promo codes are generated for "Get 10% off on a bill of more than 100$"
      And the brand uploads the promo code ZN34C for "Get 10% off on a bill of more than 100$"
      Then "Get 10% off on a bill of more than 100$" has 4 promo codes: 3 generated and 1 uploaded
      When "Asha" pays a bill of 200 with a code generated for "Get 10% off on a bill of more than 100$"
      Then the bill got 20 off with that code

    @seed:003 @req:003-101
    Scenario Outline: Codes the platform cannot take are refused and none is added: <request>
      Given the brand uploaded the promo code ZN34C for "Get 10% off on a bill of more than 100$"
      When <request> for "Get 10% off on a bill of more than 100$"
      Then the request is refused with error <code>
      And "Get 10% off on a bill of more than 100$" has 1 promo code: 0 generated and 1 uploaded

      Examples:
        | request                                            | code |
        | the brand uploads the promo code ZN34C             | 8504 |
        | the brand uploads the promo codes ZN35C and ZN35C  | 8504 |
        | the brand uploads the promo code ZN-34             | 8503 |
        | 0 promo codes are generated                        | 8502 |
        | -3 promo codes are generated                       | 8502 |
        | 10001 promo codes are generated                    | 8502 |
        | the brand uploads an empty list of promo codes     | 8502 |
        | the brand uploads 10001 promo codes                | 8502 |

    @seed:003 @req:003-101
    Scenario: Codes for a promotion the org does not have are refused
      When 3 promo codes are generated for a promotion the org does not have
      Then the request is refused with error 8501

    # The contract's PromoCodesRequest: 1 to 10000 codes a request, generated or uploaded (8502).
    @seed:003 @req:003-101 @req:003-102 @bulk
    Scenario: One request adds up to 10000 codes, generated or uploaded
      When 10000 promo codes are generated for "Get 10% off on a bill of more than 100$"
      Then the request succeeds
      When the brand uploads 10000 promo codes for "Get 10% off on a bill of more than 100$"
      Then the request succeeds

  Rule: Promo codes become invalid once the promotion expires

    @seed:003 @req:003-103
    Scenario: A code works until its promotion's last day and not after
      Given the date is 2030-07-01T10:00:00Z
      And a code-linked promotion "July special" of ABS 20 off, valid till 2030-07-31T23:59:59Z, with these restrictions:
        | restriction           | limit |
        | redemptions of a code | 100   |
      And the brand uploaded the promo code JULY20 for "July special"
      And "Asha" has paid a bill of 150 with promo code JULY20
      When the date is 2030-07-31T23:59:59Z
      And "Asha" pays a bill of 150 with promo code JULY20
      Then the bill got 20 off with promo code JULY20
      When the date is 2030-08-01T00:00:01Z
      And "Asha" pays a bill of 150 with promo code JULY20
      Then the request is refused with error 8506
      And promo code JULY20 has been redeemed 2 times

  Rule: Promo codes apply to loyalty and non-loyalty customers alike

    @seed:003 @req:003-104
    Scenario Outline: A <type> customer redeems a promo code
      Given a <type> customer "Guest" registered through INSTORE with mobile M2
      And the brand uploaded the promo code ZN34C for "Get 10% off on a bill of more than 100$"
      When "Guest" pays a bill of 150 with promo code ZN34C
      Then the bill got 15 off with promo code ZN34C

      Examples:
        | type        |
        | loyalty     |
        | non-loyalty |

  Rule: A linked code becomes the customer's digital code, applied at their next transaction, once

    @seed:003 @req:003-109
    Scenario: A linked code applies by itself at the next bill and only there
      Given the brand uploaded the promo code ZN34C for "Get 10% off on a bill of more than 100$"
      When promo code ZN34C is linked to "Asha" in mode DISCOUNT
      Then the request succeeds
      When "Asha" pays a bill of 150
      Then the bill got 15 off with linked promo code ZN34C
      When "Asha" pays a bill of 150
      Then the bill got no promo code discount

    @seed:003 @req:003-109
    Scenario: A linked code is redeemable only by the customer it was linked to
      Given a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And the brand uploaded the promo code ZN34C for "Get 10% off on a bill of more than 100$"
      And promo code ZN34C was linked to "Asha"
      When "Ravi" pays a bill of 150 with promo code ZN34C
      Then the request is refused with error 8507
      And "Ravi" has no transactions

    @seed:003 @req:003-109
    Scenario: A code cannot be linked to a second customer
      Given a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And the brand uploaded the promo code ZN34C for "Get 10% off on a bill of more than 100$"
      And promo code ZN34C was linked to "Asha"
      When promo code ZN34C is linked to "Ravi" in mode DISCOUNT
      Then the request is refused with error 8513
      And promo code ZN34C is linked to "Asha"

    @seed:003 @req:003-109
    Scenario Outline: A link the platform cannot make is refused and links nothing: <link>
      Given the brand uploaded the promo code ZN34C for "Get 10% off on a bill of more than 100$"
      When <link>
      Then the request is refused with error <code>
      And promo code ZN34C is linked to nobody

      Examples:
        | link                                                          | code |
        | promo code ZN34C is linked to an unknown customer             | 8015 |
        | promo code ZN34C is linked to "Asha" in mode PAYMENT_VOUCHER  | 8512 |
        | promo code ZN34C is linked to "Asha" in mode COUPON           | 8512 |
        | promo code NOSUCH99 is linked to "Asha" in mode DISCOUNT      | 8505 |
        | a code of another org is linked to "Asha"                     | 8505 |

    @seed:003 @req:003-103 @req:003-109
    Scenario: An expired code cannot be linked
      Given the date is 2030-07-01T10:00:00Z
      And a code-linked promotion "July special" of ABS 20 off, valid till 2030-07-31T23:59:59Z
      And the brand uploaded the promo code JULY20 for "July special"
      When the date is 2030-08-02T09:00:00Z
      And promo code JULY20 is linked to "Asha" in mode DISCOUNT
      Then the request is refused with error 8506
      And promo code JULY20 is linked to nobody
