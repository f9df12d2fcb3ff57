Feature: Restrictions carried by status labels
  An org can restrict operations for customers whose label is under Suspended, Fraud suspected, Fraud
  confirmed or Internal: each restriction of the seed's table is set on the labels it applies to. A blocked
  operation is refused with an error that names the reason, and nothing changes; the same operation goes
  through once the customer is back on an Active label, which carries no restrictions. A label under
  Deleted blocks everything.

  # Seeds 000 and 001 "Suspended, Fraud suspected, Fraud confirmed, and Internal customer status" (the
  # restriction table), "Active customer status" and "Deleted customer status".
  # The restriction table of the seed, with the operation each restriction blocks where this suite drives it:
  #   Block coupons redemption                  Restrict from redeeming coupons.
  #   Block issual of loyalty promotions        Restrict from receiving points.
  #   Block identifier change and account merge Restrict from account merging and identifier change requests.
  #   Block issual of badges                    This is a future development feature.
  #   Block issual of coupons                   Restrict from providing coupons.
  #   Block enrollment into loyalty promotions  This is a future development feature.
  #   Block points allocation                   Restrict from providing points.
  #   Block points redemption                   Restrict from redeeming points.
  #   Block tier upgrade                        Restrict from tier upgrade.
  #   Block transaction                         Restrict future transactions.
  #   Mark transaction outlier                  Mark the transactions made by the selected label(s) as outliers.
  # Error codes are the platform's where its docs name one: 681 "Transactions are blocked for this
  # customer", 742 "Coupon issual or redemption is blocked for this customer", 809 "Unable to process.
  # Customer is marked as fraud" (points), 3045 "Points Redemption is not allowed ..." and 3042 (deleted).
  # The docs name no code for a blocked identifier change or merge, so memberspec answers 8212. Block tier
  # upgrade, Block issual of loyalty promotions and Mark transaction outlier refuse nothing: the credit or
  # the bill goes through, without the tier (8233), without points (8290) or marked as an outlier.
  Background:
    Given the org setting CONF_CUSTOMER_STATUS_ENABLED is true

  Rule: A restriction on a label refuses its operation, whichever role the customer plays, and nothing changes

    # Ruling 27: a merge honours the block in both roles, survivor and victim, whatever caused it: a merge
    # request, a registration, a transaction or an identifier change. Ruling 39: seed 001 says points
    # allocation "will be blocked for the customer" (the referrer's or the referee's); a customer is referred
    # once, so a referral that went through without the blocked side's points could not be made again once
    # the label is lifted: the whole referral is refused instead (both sides are rewarded or neither), and
    # the examples make it again after the label is lifted. Every example runs on "Asha", who holds 600 points and
    # a coupon before she is labelled; it checks that her account and Ben's show exactly what they showed
    # before the refusal, and then that the same operation succeeds once "Asha" is back on the Active label
    # "Regular".
    @seed:000 @seed:001 @req:001-53 @req:000-77 @req:001-55 @req:000-79
    Scenario Outline: <restriction> under <status>: <operation> is refused
      Given the org's status labels, created in this order:
        | status   | label   | restrictions  |
        | Active   | Regular |               |
        | <status> | Held    | <restriction> |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2 and email E2
      And a coupon series "Welcome 500" of ABS 500 off that issues at most 10 coupons
      And "Asha" has been given 600 goodwill points
      And "Asha" holds a coupon of "Welcome 500"
      And "Asha" has been given the status label "Held"
      And the loyalty accounts of "Asha" and "Ben" are noted
      When <operation>
      Then the request is refused with error <error>
      And <nothing changed>
      And the loyalty accounts of "Asha" and "Ben" are unchanged
      When "Asha" is given the status label "Regular" with the reason "restriction lifted"
      Then the request succeeds
      When <operation>
      Then the request succeeds

      @seed:001 @seed:000 @req:001-56 @req:000-80
      Examples: Block identifier change and account merge: restrict from account merging and identifier change requests
        | restriction                               | status          | operation                                                                  | error | nothing changed      |
        | Block identifier change and account merge | Suspended       | "Asha" changes its email from E1 to E3 through INSTORE                     | 8212  | "Asha" has email E1  |
        | Block identifier change and account merge | Fraud suspected | a merge of "Asha" into "Ben" is requested                                  | 8212  | "Asha" is not merged |
        | Block identifier change and account merge | Fraud confirmed | a merge of "Ben" into "Asha" is requested                                  | 8212  | "Ben" is not merged  |
        | Block identifier change and account merge | Internal        | a loyalty registration arrives through INSTORE with mobile M2 and email E1 | 8212  | "Asha" is not merged |
        | Block identifier change and account merge | Suspended       | a loyalty registration arrives through INSTORE with mobile M1 and email E2 | 8212  | "Ben" is not merged  |
        | Block identifier change and account merge | Fraud suspected | a loyalty transaction arrives through INSTORE with mobile M2 and email E1  | 8212  | "Asha" is not merged |
        | Block identifier change and account merge | Fraud confirmed | "Ben" adds the email E1 through WEBSITE                                    | 8212  | "Ben" is not merged  |

      @seed:001 @seed:000 @req:001-57 @req:000-81
      Examples: Block transaction: restrict future transactions
        | restriction       | status          | operation                                                                       | error | nothing changed           |
        | Block transaction | Internal        | a loyalty transaction arrives through INSTORE with mobile M1 and external id X1 | 681   | "Asha" has no external id |
        | Block transaction | Suspended       | a loyalty transaction arrives through INSTORE with mobile M1 and external id X1 | 681   | "Asha" has no external id |
        | Block transaction | Fraud suspected | a bill of 1250 arrives through INSTORE with mobile M1                           | 681   | "Asha" has no transactions |
        | Block transaction | Fraud confirmed | a bill of 1250 arrives through INSTORE with mobile M1                           | 681   | "Asha" has no transactions |

      @seed:001 @seed:000 @seed:contract @req:001-93 @req:000-86 @req:001-81 @req:000-91 @req:001-82 @req:000-92 @req:001-83 @req:000-93 @req:contract-90
      Examples: Block points allocation: restrict from providing points (goodwill, import, referrer, referee)
        | restriction             | status          | operation                                                          | error | nothing changed       |
        | Block points allocation | Suspended       | "Asha" is given 350 goodwill points for "late delivery"            | 809   | "Asha" has 600 points |
        | Block points allocation | Fraud suspected | 1200 points are imported for "Asha" from "legacy-program-2024.csv" | 809   | "Asha" has 600 points |
        | Block points allocation | Fraud confirmed | "Asha" refers "Ben"                                                | 809   | "Ben" has 0 points    |
        | Block points allocation | Internal        | "Ben" refers "Asha"                                                | 809   | "Ben" has 0 points    |

      @seed:001 @seed:000 @seed:contract @req:001-94 @req:000-87 @req:contract-90
      Examples: Block points redemption: restrict from redeeming points
        | restriction             | status          | operation                | error | nothing changed       |
        | Block points redemption | Suspended       | "Asha" redeems 200 points | 3045  | "Asha" has 600 points |
        | Block points redemption | Fraud suspected | "Asha" redeems 200 points | 3045  | "Asha" has 600 points |
        | Block points redemption | Fraud confirmed | "Asha" redeems 200 points | 3045  | "Asha" has 600 points |
        | Block points redemption | Internal        | "Asha" redeems 200 points | 3045  | "Asha" has 600 points |
        | Block points redemption | Suspended       | an import takes 120 points from "Asha" as a redemption from "legacy-redemptions.csv" | 3045 | "Asha" has 600 points |
        | Block points redemption | Fraud suspected | "Asha" transfers 100 points to "Ben" | 3045  | "Ben" has 0 points    |

      @seed:001 @seed:000 @seed:contract @req:001-92 @req:000-85 @req:contract-90
      Examples: Block issual of coupons: restrict from providing coupons
        | restriction             | status          | operation                                   | error | nothing changed                          |
        | Block issual of coupons | Suspended       | a coupon of "Welcome 500" is issued to "Asha" | 742   | "Asha" holds 1 coupon of "Welcome 500" |
        | Block issual of coupons | Fraud suspected | a coupon of "Welcome 500" is issued to "Asha" | 742   | "Asha" holds 1 coupon of "Welcome 500" |
        | Block issual of coupons | Fraud confirmed | a coupon of "Welcome 500" is issued to "Asha" | 742   | "Asha" holds 1 coupon of "Welcome 500" |
        | Block issual of coupons | Internal        | a coupon of "Welcome 500" is issued to "Asha" | 742   | "Asha" holds 1 coupon of "Welcome 500" |

      @seed:001 @seed:000 @seed:contract @req:001-90 @req:000-83 @req:contract-90
      Examples: Block coupons redemption: restrict from redeeming coupons
        | restriction              | status          | operation                                                  | error | nothing changed            |
        | Block coupons redemption | Suspended       | "Asha" redeems the coupon of "Welcome 500" issued to "Asha" | 742   | "Asha" has 1 active coupon |
        | Block coupons redemption | Fraud suspected | "Asha" redeems the coupon of "Welcome 500" issued to "Asha" | 742   | "Asha" has 1 active coupon |
        | Block coupons redemption | Fraud confirmed | "Asha" redeems the coupon of "Welcome 500" issued to "Asha" | 742   | "Asha" has 1 active coupon |
        | Block coupons redemption | Internal        | "Asha" redeems the coupon of "Welcome 500" issued to "Asha" | 742   | "Asha" has 1 active coupon |

    # A points transfer is a redemption for the sender and an allocation for the recipient (ruling 110); a
    # return is a transaction of its own (ruling 109).
    @seed:000 @seed:001 @seed:003 @req:001-93 @req:000-86 @req:001-57 @req:000-81 @req:003-028 @req:003-025
    Scenario Outline: <restriction> on the other side: <operation> is refused
      Given the org's status labels, created in this order:
        | status    | label   | restrictions  |
        | Active    | Regular |               |
        | Suspended | Held    | <restriction> |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      And "Ben" has been given 300 goodwill points
      And a bill "B1" of 400 was paid through INSTORE with mobile M1
      And "Asha" has been given the status label "Held"
      And the loyalty accounts of "Asha" and "Ben" are noted
      When <operation>
      Then the request is refused with error <error>
      And the loyalty accounts of "Asha" and "Ben" are unchanged

      Examples:
        | restriction             | operation                            | error |
        | Block points allocation | "Ben" transfers 100 points to "Asha" | 809   |
        | Block transaction       | bill "B1" is returned in full        | 681   |

  Rule: A bill of a customer blocked from receiving points is recorded, without points

    # Ruling 37: a bill whose customer is blocked from points allocation is still recorded;
    # it earns no points and answers warning 8232, so no sale is lost.
    # Ruling 29: "Block issual of loyalty promotions" is, in the seed's words, "Restrict from receiving points".
    # Promotions are not modelled; the points the program issues on a bill are the reference's one promotion,
    # so the restriction withholds them the same way (warning 8290). Points given by hand (goodwill, import,
    # referral) are allocations, not promotion issual: that restriction leaves them allowed (next rule).
    @seed:000 @seed:001 @seed:contract @req:001-53 @req:000-77 @req:001-55 @req:000-79 @req:contract-90
    Scenario Outline: <restriction> under <status>: a bill is recorded without points
      Given the org setting CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT is 1
      And the org's status labels, created in this order:
        | status   | label   | restrictions  |
        | Active   | Regular |               |
        | <status> | Held    | <restriction> |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And "Asha" has been given the status label "Held"
      When a bill of 1250 arrives through INSTORE with mobile M1
      Then the request succeeds with warning <warning>
      And the bill earned 0 points
      And "Asha" has 0 points
      And the points ledger of "Asha" holds only its opening balance
      And the recent transactions of "Asha" are:
        | amount | store | lines | outlier | points issued |
        | 1250   |       | 0     | false   | 0             |
      When "Asha" is given the status label "Regular" with the reason "restriction lifted"
      Then the request succeeds
      When a bill of 1250 arrives through INSTORE with mobile M1
      Then the request succeeds
      And the bill earned 1250 points
      And "Asha" has 1250 points

      @seed:001 @seed:000 @req:001-93 @req:000-86 @req:001-80 @req:000-90
      Examples: Block points allocation: restrict from providing points (transaction point allocation)
        | restriction             | status          | warning |
        | Block points allocation | Suspended       | 8232    |
        | Block points allocation | Fraud suspected | 8232    |
        | Block points allocation | Fraud confirmed | 8232    |
        | Block points allocation | Internal        | 8232    |

      @seed:001 @seed:000 @req:001-91 @req:000-84
      Examples: Block issual of loyalty promotions: restrict from receiving points
        | restriction                        | status          | warning |
        | Block issual of loyalty promotions | Suspended       | 8290    |
        | Block issual of loyalty promotions | Fraud suspected | 8290    |
        | Block issual of loyalty promotions | Fraud confirmed | 8290    |
        | Block issual of loyalty promotions | Internal        | 8290    |

  Rule: Block issual of loyalty promotions leaves points given by hand allowed

    # Ruling 29: goodwill, import and referral points are allocations (Block points allocation), not
    # promotions.
    @seed:000 @seed:001 @req:001-91 @req:000-84
    Scenario Outline: Block issual of loyalty promotions under <status>: <operation> still credits points
      Given the org setting CONF_LOYALTY_REFERRER_POINTS is 100
      And the org's status labels, created in this order:
        | status   | label   | restrictions                       |
        | Active   | Regular |                                    |
        | <status> | Held    | Block issual of loyalty promotions |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2 and email E2
      And "Asha" has been given the status label "Held"
      When <operation>
      Then the request succeeds
      And the request gave "Asha" <points> points
      And "Asha" has <points> points

      Examples:
        | status          | operation                                                          | points |
        | Suspended       | "Asha" is given 350 goodwill points for "late delivery"            | 350    |
        | Fraud suspected | 1200 points are imported for "Asha" from "legacy-program-2024.csv" | 1200   |
        | Internal        | "Asha" refers "Ben"                                                | 100    |

    # Ruling 166: a group transaction is a bill the member makes on behalf of the group, so it is the member's
    # transaction, and a label that blocks the member's transactions blocks it.
    @seed:000 @seed:001 @seed:003 @req:001-55 @req:000-79 @req:003-231 @seed:contract @req:contract-99
    Scenario: Block transaction refuses a bill a member makes for their user group
      Given the org's status labels, created in this order:
        | status    | label   | restrictions      |
        | Active    | Regular |                   |
        | Suspended | Held    | Block transaction |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And a user group "Sharma family" of "Asha" (primary) and "Ravi"
      And "Ravi" has been given the status label "Held"
      When "Ravi" makes a bill "G-1" of 1200 on 2022-02-03T10:00:00Z for the user group "Sharma family"
      Then the request is refused with error 681
      And the transactions of the user group "Sharma family" are:
        | bill | member | amount | points | points expire on |
      When "Asha" makes a bill "G-2" of 300 on 2022-02-04T10:00:00Z for the user group "Sharma family"
      Then the request succeeds

  Rule: Block tier upgrade keeps the points a credit brings, not the tier

    # Ruling 38: a credit whose tier upgrade is blocked keeps its points but not the tier
    # (warning 8233); the next allowed credit lifts the customer to the tier their lifetime points reach.
    @seed:000 @seed:001 @seed:contract @req:001-53 @req:000-77 @req:001-55 @req:000-79 @req:001-95 @req:000-88 @req:contract-90
    Scenario Outline: Block tier upgrade under <status>: <credit> keeps the points, not the tier
      Given the org setting CONF_LOYALTY_TIERS is Silver:0,Gold:500,Platinum:2000
      And the org setting CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT is 1
      And the org's status labels, created in this order:
        | status   | label   | restrictions       |
        | Active   | Regular |                    |
        | <status> | Held    | Block tier upgrade |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And "Asha" has been given the status label "Held"
      When <credit>
      Then the request succeeds with warning 8233
      And the request moved nobody up a tier
      And "Asha" has 600 points
      And "Asha" is in tier "Silver"
      When "Asha" is given the status label "Regular" with the reason "restriction lifted"
      Then the request succeeds
      When <credit>
      Then the request succeeds
      And the request moved "Asha" up from tier "Silver" to tier "Gold"
      And "Asha" has 1200 points
      And "Asha" is in tier "Gold"

      Examples:
        | status          | credit                                                     |
        | Suspended       | "Asha" is given 600 goodwill points for "service recovery" |
        | Fraud suspected | a bill of 600 arrives through INSTORE with mobile M1       |
        | Fraud confirmed | 600 points are imported for "Asha" from "legacy.csv"       |
        | Internal        | a bill of 600 arrives through INSTORE with mobile M1       |

    # Rulings 26 and 38: a bill's promised points that convert are earned then (seed 003), so a label that
    # blocks tier upgrade (and a Deleted label, which blocks everything) keeps the customer in the tier they had.
    # Only the tier is asserted: whether a deleted customer's points still convert the seeds do not say.
    @seed:000 @seed:001 @seed:003 @req:001-95 @req:000-88 @req:001-59 @req:000-95 @req:003-021 @new-org
    Scenario Outline: Promised points converting for a customer labelled under <status> lift no tier
      Given the org setting CONF_LOYALTY_PROMISED_POINTS_DAYS is 14
      And the org setting CONF_LOYALTY_TIERS is Silver:0,Gold:500,Platinum:2000
      And the org setting CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT is 1
      And the org's status labels, created in this order:
        | status   | label   | restrictions   |
        | Active   | Regular |                |
        | <status> | Held    | <restrictions> |
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill "B1" of 600 was paid through INSTORE with mobile M1
      And "Asha" has been given the status label "Held"
      When 15 days pass
      Then "Asha" is in tier "Silver"

      Examples:
        | status    | restrictions       |
        | Suspended | Block tier upgrade |
        | Deleted   |                    |

  Rule: Mark transaction outlier records the bill as an outlier

    # Ruling 43: an Active customer's transactions are never outliers; the mark refuses
    # nothing, and an outlier bill still earns its points.
    @seed:000 @seed:001 @seed:contract @req:001-53 @req:000-77 @req:001-55 @req:000-79 @req:001-96 @req:000-89 @req:contract-90
    Scenario Outline: Mark transaction outlier under <status>: the bill is recorded as an outlier
      Given the org setting CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT is 1
      And the org's status labels, created in this order:
        | status   | label   | restrictions             |
        | Active   | Regular |                          |
        | <status> | Held    | Mark transaction outlier |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And "Asha" has been given the status label "Held"
      When a bill of 1250 arrives through INSTORE with mobile M1
      Then the request succeeds
      And the bill is marked as an outlier
      When "Asha" is given the status label "Regular" with the reason "restriction lifted"
      Then the request succeeds
      When a bill of 300 arrives through INSTORE with mobile M1
      Then the request succeeds
      And the bill is not marked as an outlier
      And the recent transactions of "Asha" are:
        | amount | store | lines | outlier | points issued |
        | 300    |       | 0     | false   | 300           |
        | 1250   |       | 0     | true    | 1250          |

      Examples:
        | status          |
        | Suspended       |
        | Fraud suspected |
        | Fraud confirmed |
        | Internal        |

  Rule: A label under Deleted blocks everything

    # Ruling 26: the seed's "Block everything" drop-down selects Deleted labels; memberspec treats every label
    # under Deleted as selected, since a deleted customer "allows you to block every action". The platform's
    # code 3042 says so: "customer status was marked to deleted". One example per restriction of the seed's
    # table; a bill is refused outright, so it stands for every restriction on a bill.
    @seed:000 @seed:001 @req:001-59 @req:000-95
    Scenario Outline: A customer labelled under Deleted: <operation> is refused (<blocked as>)
      Given the org setting CONF_LOYALTY_TIERS is Silver:0,Gold:1000,Platinum:5000
      And the org's status labels, created in this order:
        | status  | label   |
        | Active  | Regular |
        | Deleted | Closed  |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2 and email E2
      And a coupon series "Welcome 500" of ABS 500 off that issues at most 10 coupons
      And "Asha" has been given 600 goodwill points
      And "Asha" holds a coupon of "Welcome 500"
      And "Asha" has been given the status label "Closed"
      And the loyalty accounts of "Asha" and "Ben" are noted
      When <operation>
      Then the request is refused with error 3042
      And <nothing changed>
      And the loyalty accounts of "Asha" and "Ben" are unchanged

      Examples:
        | blocked as                                | operation                                                                       | nothing changed                        |
        | Block identifier change and account merge | "Asha" changes its email from E1 to E3 through INSTORE                          | "Asha" has email E1                    |
        | Block identifier change and account merge | a merge of "Asha" into "Ben" is requested                                       | "Asha" is not merged                   |
        | Block identifier change and account merge | a merge of "Ben" into "Asha" is requested                                       | "Ben" is not merged                    |
        | Block transaction                         | a loyalty transaction arrives through INSTORE with mobile M1 and external id X1 | "Asha" has no external id              |
        | Block points allocation                   | "Asha" is given 350 goodwill points for "late delivery"                         | "Asha" has 600 points                  |
        | Block points allocation                   | 1200 points are imported for "Asha" from "legacy-program-2024.csv"              | "Asha" has 600 points                  |
        | Block points allocation                   | "Asha" refers "Ben"                                                             | "Ben" has 0 points                     |
        | Block points allocation                   | "Ben" refers "Asha"                                                             | "Ben" has 0 points                     |
        | Block issual of loyalty promotions        | a bill of 1250 arrives through INSTORE with mobile M1                           | "Asha" has no transactions             |
        | Block points redemption                   | "Asha" redeems 200 points                                                       | "Asha" has 600 points                  |
        | Block issual of coupons                   | a coupon of "Welcome 500" is issued to "Asha"                                   | "Asha" holds 1 coupon of "Welcome 500" |
        | Block coupons redemption                  | "Asha" redeems the coupon of "Welcome 500" issued to "Asha"                     | "Asha" has 1 active coupon             |
        | Block tier upgrade                        | "Asha" is given 600 goodwill points for "service recovery"                      | "Asha" is in tier "Silver"             |
        | Mark transaction outlier                  | a bill of 1250 arrives through INSTORE with mobile M1                           | "Asha" has no transactions             |

  Rule: The two future development restrictions are accepted but have no effect yet

    # Ruling 30: seed 001 "Block issual of badges" and "Block enrollment into loyalty promotions" are "a future
    # development feature". An org may set them; they block nothing.
    @seed:000 @seed:001 @req:001-58 @req:000-82
    Scenario Outline: <restriction> on a label leaves <operation> allowed
      Given the org's status labels, created in this order:
        | status    | label   | restrictions  |
        | Active    | Regular |               |
        | Suspended | Held    | <restriction> |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2 and email E2
      And "Asha" has been given the status label "Held"
      When <operation>
      Then the request succeeds

      Examples:
        | restriction                              | operation                                                                       |
        | Block issual of badges                   | "Asha" changes its email from E1 to E3 through INSTORE                          |
        | Block enrollment into loyalty promotions | a loyalty transaction arrives through INSTORE with mobile M1 and external id X1 |

  Rule: A restriction applies to the labels selected for it, not to every label of their status

    # Seed 001: "To restrict access, select the individual status labels or all the created status labels
    # from the desired restriction drop-down."
    @seed:000 @seed:001 @req:001-55 @req:000-79
    Scenario: A restriction on one Suspended label leaves another Suspended label free
      Given the org's status labels, created in this order:
        | status    | label    | restrictions      |
        | Active    | Regular  |                   |
        | Suspended | Held     | Block transaction |
        | Suspended | Watched  |                   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      And "Asha" has been given the status label "Held"
      And "Ben" has been given the status label "Watched"
      When a loyalty transaction arrives through INSTORE with mobile M2
      Then the request succeeds
      When a loyalty transaction arrives through INSTORE with mobile M1
      Then the request is refused with error 681

    @seed:000 @seed:001 @req:001-55 @req:000-79
    Scenario: A restriction selected for every created label blocks each of them
      Given the org's status labels, created in this order:
        | status          | label    | restrictions      |
        | Active          | Regular  |                   |
        | Suspended       | Held     | Block transaction |
        | Fraud suspected | Checking | Block transaction |
        | Internal        | Staff    | Block transaction |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      And a loyalty customer "Chen" registered through INSTORE with mobile M3
      And "Asha" has been given the status label "Held"
      And "Ben" has been given the status label "Checking"
      And "Chen" has been given the status label "Staff"
      When a loyalty transaction arrives through INSTORE with mobile M1
      Then the request is refused with error 681
      When a loyalty transaction arrives through INSTORE with mobile M2
      Then the request is refused with error 681
      When a loyalty transaction arrives through INSTORE with mobile M3
      Then the request is refused with error 681

  Rule: Restrictions are set on labels of Suspended, Fraud suspected, Fraud confirmed and Internal only

    @seed:000 @seed:001 @req:001-55 @req:000-79
    Scenario Outline: A restriction on a label of <status> is accepted
      When an org is requested with customer status enabled and these status labels:
        | status   | label | restrictions      |
        | <status> | Held  | Block transaction |
      Then the request succeeds

      Examples:
        | status          |
        | Suspended       |
        | Fraud suspected |
        | Fraud confirmed |
        | Internal        |

    # Ruling 26: seed 001 "There are no restrictions for customers with Active status"; a Deleted label
    # already blocks everything and Pending deletion carries none, so a restriction on them is refused too.
    @seed:000 @seed:001 @seed:contract @req:001-53 @req:000-77 @req:contract-51
    Scenario Outline: A restriction on a label of <status> is refused
      When an org is requested with customer status enabled and these status labels:
        | status   | label   | restrictions      |
        | <status> | Special | Block transaction |
      Then the request is refused with error 8211
      And the error message mentions "<status word>"

      Examples:
        | status           | status word      |
        | Active           | ACTIVE           |
        | Deleted          | DELETED          |
        | Pending deletion | PENDING_DELETION |
