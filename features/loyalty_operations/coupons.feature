Feature: Coupons
  A coupon series issues coupons to customers up to its issual limit; a coupon is redeemed once, by the
  customer it was issued to. Member Care shows the customer's active coupons with their code and discount
  (seed 002 "Active coupons").

  # Ruling 41: seed 002's "Active coupons" are those issued to the customer and not yet redeemed (v2 status
  # ACTIVE_UNREDEEMED); these series have no expiry (coupon expiry: ruling 133, coupons/coupon_statuses.feature).
  # Ruling 40: a refused issue or redemption changes no coupon and no series count.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a coupon series "Welcome 500" of ABS 500 off that issues at most 2 coupons

  Rule: A series issues coupons up to its issual limit

    @seed:002 @seed:contract @req:002-80 @req:contract-29
    Scenario: An issued coupon is among the customer's active coupons
      Given a coupon series "Festive 10%" of PERC 10 off that issues at most 100 coupons
      And "Asha" holds a coupon of "Festive 10%"
      When a coupon of "Welcome 500" is issued to "Asha"
      Then the request succeeds
      And the active coupons of "Asha" are:
        | series      | discount type | discount value |
        | Welcome 500 | ABS           | 500            |
        | Festive 10% | PERC          | 10             |

    @seed:contract @req:contract-29
    Scenario: A series that has issued its limit issues no more
      Given a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And a loyalty customer "Meera" registered through INSTORE with mobile M3
      And "Asha" holds a coupon of "Welcome 500"
      And "Ravi" holds a coupon of "Welcome 500"
      When a coupon of "Welcome 500" is issued to "Meera"
      Then the request is refused with error 8238
      And "Meera" holds 0 coupons of "Welcome 500"
      And "Meera" has no active coupons

    @seed:contract @req:contract-29
    Scenario: A coupon of an unknown series is refused
      When a coupon of an unknown series is issued to "Asha"
      Then the request is refused with error 8239
      And "Asha" has no active coupons

    @seed:contract @req:contract-29
    Scenario Outline: A series with <flaw> is refused
      When a coupon series "Broken" of <type> <value> off that issues at most <limit> coupons is created
      Then the request is refused with error 8243

      Examples:
        | flaw                         | type | value | limit |
        | an unknown discount type     | FREE | 10    | 5     |
        | a percentage above 100       | PERC | 150   | 5     |
        | no discount                  | ABS  | 0     | 5     |
        | an issual limit of 0         | ABS  | 100   | 0     |
        | a fractional issual limit    | ABS  | 100   | 2.5   |

    @seed:contract @req:contract-29
    Scenario: A series with a blank description is refused
      When a coupon series "   " of ABS 100 off that issues at most 5 coupons is created
      Then the request is refused with error 8243

    @seed:contract @req:contract-29
    Scenario: A series whose coupons are active till a date that is not a date-time is refused
      When a coupon series "Broken" of ABS 100 off that issues at most 5 coupons, valid till end-of-July, is created
      Then the request is refused with error 8243

    # The bounds themselves are allowed: a PERC discount of 100 and an issual limit of 1.
    @seed:contract @req:contract-29
    Scenario: A series of 100 percent off that issues one coupon issues exactly one
      Given a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And a coupon series "Free lunch" of PERC 100 off that issues at most 1 coupon
      When a coupon of "Free lunch" is issued to "Asha"
      Then the request succeeds
      When a coupon of "Free lunch" is issued to "Ravi"
      Then the request is refused with error 8238
      And "Ravi" holds 0 coupons of "Free lunch"

  Rule: A coupon is redeemed once, by the customer it was issued to

    @seed:002 @seed:contract @req:002-80 @req:contract-30
    Scenario: A redeemed coupon is no longer active
      Given "Asha" holds a coupon of "Welcome 500"
      When "Asha" redeems the coupon of "Welcome 500" issued to "Asha"
      Then the request succeeds
      And the coupon of "Welcome 500" issued to "Asha" is redeemed
      And "Asha" has no active coupons

    @seed:contract @req:contract-30
    Scenario: A coupon cannot be redeemed twice
      Given "Asha" holds a coupon of "Welcome 500"
      And "Asha" has redeemed the coupon of "Welcome 500"
      When "Asha" redeems the coupon of "Welcome 500" issued to "Asha"
      Then the request is refused with error 8240
      And "Asha" holds 1 coupon of "Welcome 500"

    @seed:contract @req:contract-30
    Scenario: Another customer's coupon cannot be redeemed
      Given a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And "Asha" holds a coupon of "Welcome 500"
      When "Ravi" redeems the coupon of "Welcome 500" issued to "Asha"
      Then the request is refused with error 8241
      And the active coupons of "Asha" are:
        | series      | discount type | discount value |
        | Welcome 500 | ABS           | 500            |

    @seed:contract @req:contract-30
    Scenario: An unknown coupon code is refused
      When "Asha" redeems a coupon code nobody was issued
      Then the request is refused with error 8242
