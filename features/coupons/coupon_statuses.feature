Feature: Coupon statuses
  A customer's coupons are read by status: active coupons which are redeemed and not redeemed, expired
  coupons which are redeemed and not redeemed (seed 003 "New values supported in the status parameter of V2
  GET customers/coupons API"). A coupon is active until its series' expiry.

  # Ruling 133: a coupon expires with its series (the series' "valid till"); "active" and "expired" go by that
  # date alone (the docs: "active is based on the coupon expiry date and does not validate redemptions"), so
  # a redeemed coupon is active_redeemed until the date and expired_redeemed after it. The status values are
  # matched in any case (the seed writes active_redeemed, the docs ACTIVE_REDEEMED).

  Background:
    Given an org with default settings
    And the date is 2030-07-01T10:00:00Z
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a coupon series "Summer 100" of ABS 100 off that issues at most 10 coupons, valid till 2030-07-31T23:59:59Z
    And a coupon series "Monsoon 50" of ABS 50 off that issues at most 10 coupons, valid till 2030-07-31T23:59:59Z
    And a coupon series "Festive 10%" of PERC 10 off that issues at most 10 coupons, valid till 2030-12-31T23:59:59Z
    And "Asha" holds a coupon of "Summer 100"
    And "Asha" holds a coupon of "Monsoon 50"
    And "Asha" holds a coupon of "Festive 10%"
    And "Asha" has redeemed the coupon of "Summer 100"

  Rule: The four statuses split the coupons by expiry and by redemption

    @seed:003 @req:003-120 @req:003-121
    Scenario Outline: On <date>, <status> coupons of Asha are <coupons>
      When the date is <date>
      Then the coupons of "Asha" with status <status> are <coupons>

      Examples:
        | date                 | status             | coupons                   |
        | 2030-07-15T12:00:00Z | active_redeemed    | Summer 100                |
        | 2030-07-15T12:00:00Z | active_unredeemed  | Festive 10%, Monsoon 50   |
        | 2030-07-15T12:00:00Z | expired_redeemed   | none                      |
        | 2030-07-15T12:00:00Z | expired_unredeemed | none                      |
        | 2030-08-01T00:00:01Z | active_redeemed    | none                      |
        | 2030-08-01T00:00:01Z | active_unredeemed  | Festive 10%               |
        | 2030-08-01T00:00:01Z | expired_redeemed   | Summer 100                |
        | 2030-08-01T00:00:01Z | expired_unredeemed | Monsoon 50                |
        | 2030-08-01T00:00:01Z | ACTIVE_UNREDEEMED  | Festive 10%               |
        | 2030-08-01T00:00:01Z | Expired_Redeemed   | Summer 100                |

    # The status values the API had before seed 003 filter by one side each: ACTIVE and EXPIRED by expiry
    # alone, REDEEMED and UNREDEEMED by redemption alone, REDEEMABLE is active and not redeemed. The series'
    # valid till is its last active instant.
    @seed:003 @req:003-121
    Scenario Outline: On <date>, the <status> coupons of Asha are <coupons>
      When the date is <date>
      Then the coupons of "Asha" with status <status> are <coupons>

      Examples:
        | date                 | status     | coupons                               |
        | 2030-07-31T23:59:59Z | active     | Festive 10%, Monsoon 50, Summer 100   |
        | 2030-07-31T23:59:59Z | expired    | none                                  |
        | 2030-08-01T00:00:01Z | active     | Festive 10%                           |
        | 2030-08-01T00:00:01Z | expired    | Monsoon 50, Summer 100                |
        | 2030-08-01T00:00:01Z | redeemed   | Summer 100                            |
        | 2030-08-01T00:00:01Z | unredeemed | Festive 10%, Monsoon 50               |
        | 2030-07-15T12:00:00Z | redeemable | Festive 10%, Monsoon 50               |
        | 2030-08-01T00:00:01Z | REDEEMABLE | Festive 10%                           |

  Rule: An expired coupon cannot be redeemed, and an expired series issues no more

    @seed:003 @req:003-121
    Scenario: Redeeming an expired coupon is refused and changes nothing
      When the date is 2030-08-01T00:00:01Z
      And "Asha" redeems the coupon of "Monsoon 50" issued to "Asha"
      Then the request is refused with error 8523
      And the coupons of "Asha" with status expired_unredeemed are Monsoon 50

    @seed:003 @req:003-121
    Scenario: An expired series issues no coupon
      When the date is 2030-08-01T00:00:01Z
      And a coupon of "Monsoon 50" is issued to "Asha"
      Then the request is refused with error 8524
      And "Asha" holds 1 coupon of "Monsoon 50"

  Rule: A status the API does not know is refused

    @seed:003 @req:003-120
    Scenario Outline: Reading coupons with status <status> is refused
      When the coupons of "Asha" are read with status <status>
      Then the request is refused with error 8522

      Examples:
        | status           |
        | active-redeemed  |
        | expired_unused   |
        | claimed          |
