Feature: Customer redemptions
  The customer redemptions read retrieves a customer's points and coupon redemption history, filtered by
  type, duration, coupon ids and, new, by the merchant store the redemption was made in (seed 003
  "Enhancement in Customer Redemptions API").

  # Ruling 134: the seed's "coupon ids start with, and coupon ids end with" are the documented
  # coupons_start_id and coupons_end_id: the first and last coupon id to list, not text prefixes.
  # Ruling 136: the docs type merchant_store_id as an integer; the stores here are numbered (1021, 1022), so
  # a vendor that keys stores by number and one that keys them by code read the same filter.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And "Asha" has been given 500 goodwill points
    And a coupon series "Welcome 500" of ABS 500 off that issues at most 10 coupons
    And a coupon series "Festive 10%" of PERC 10 off that issues at most 10 coupons
    And "Asha" holds a coupon of "Welcome 500"
    And "Asha" holds a coupon of "Festive 10%"
    And the date is 2030-07-05T10:00:00Z
    And "Asha" redeemed the coupon of "Welcome 500" at store 1021
    And the date is 2030-07-12T10:00:00Z
    And "Asha" redeemed 100 points at store 1022
    And the date is 2030-07-20T10:00:00Z
    And "Asha" redeemed the coupon of "Festive 10%" at store 1022

  Rule: Redemptions are filtered by type, duration, coupon ids and merchant store

    @seed:003 @req:003-125 @req:003-126
    Scenario Outline: The redemptions of Asha <filter>
      When the redemptions of "Asha" are read <filter>
      Then the coupon redemptions are <coupons> and the points redemptions are <points>

      Examples:
        | filter                                         | coupons                  | points    |
        | without a filter                               | Welcome 500, Festive 10% | 100       |
        | of type COUPONS                                | Welcome 500, Festive 10% | none      |
        | of type POINTS                                 | none                     | 100       |
        | from 2030-07-10 to 2030-07-31                  | Festive 10%              | 100       |
        | from 2030-07-01 to 2030-07-05                  | Welcome 500              | none      |
        | from 2030-07-05 to 2030-07-05                  | Welcome 500              | none      |
        | from 2030-07-05T10:00:00Z to 2030-07-05T10:00:00Z | Welcome 500           | none      |
        | from the coupon of "Festive 10%" on            | Festive 10%              | 100       |
        | up to the coupon of "Welcome 500"              | Welcome 500              | 100       |
        | from the coupon of "Welcome 500" on up to the coupon of "Festive 10%" | Welcome 500, Festive 10% | 100 |
        | from the coupon of "Festive 10%" on up to the coupon of "Festive 10%" | Festive 10%              | 100 |
        | at merchant store 1022                         | Festive 10%              | 100       |
        | at merchant store 1021                         | Welcome 500              | none      |
        | of type COUPONS at merchant store 1022         | Festive 10%              | none      |

    @seed:003 @req:003-126
    Scenario: Each redemption carries the store it was made in
      When the redemptions of "Asha" are read without a filter
      Then the coupon redemptions were made at stores 1021, 1022 and the points redemptions at store 1022

    @seed:003 @req:003-125
    Scenario: A redemption made on a bill names it
      Given a bill "B1" of 300 was paid through INSTORE with mobile M1
      And "Asha" has redeemed 40 points on bill "B1"
      When the redemptions of "Asha" are read of type POINTS
      Then the coupon redemptions are none and the points redemptions are 100, 40
      And the points redemption of 40 points was made on bill "B1"

  Rule: A filter the read cannot take is refused

    @seed:003 @req:003-125
    Scenario Outline: Redemptions read <filter> are refused
      When the redemptions of "Asha" are read <filter>
      Then the request is refused with error <code>

      Examples:
        | filter                        | code |
        | of type VOUCHERS              | 8526 |
        | from 2030-07-31 to 2030-07-01 | 8525 |
        | from someday to 2030-07-01    | 8525 |
        | from the coupon of "Festive 10%" on up to the coupon of "Welcome 500" | 8529 |

    @seed:003 @req:003-125
    Scenario: The redemptions of an unknown customer are refused
      When the redemptions of an unknown customer are read
      Then the request is refused with error 8015
