Feature: Points expiry and promised points in the ledger
  Seed 003 lists "Points Expiry" among the debits and "Promised Points Conversion (in the regular points
  account)" and "(in the promised points account)" among the credits and debits. "Points Expiry: The ledger
  date-time will reflect the time that the actual expiry was completed (typically the morning of the next day
  from the expiry date)." "Promised Points Conversion: Both the debit entry from the promised accounts and the
  credit entry to the regular account will be part of the same entry. Hence, the 'points_on_event' field will
  always be zero for this event."

  # Ruling 112: regular points expire CONF_LOYALTY_POINTS_EXPIRY_DAYS days after the day they were credited
  # (0: never), first in first out; the expiry job runs at 06:00 UTC the day after the expiry date and dates
  # its PointsExpiry debit then. The org's clock is set through the test-control extension, so these
  # scenarios need it (and a new org: they set the clock before the first customer).
  # Ruling 113: with CONF_LOYALTY_PROMISED_POINTS_DAYS, a bill's points are credited to the Promised account
  # and convert into regular points that many days later, in one PromisedPointsConversion event; they can be
  # redeemed, and count as earned (lifetime points, tiers), only once converted.

  Rule: Expired points leave the ledger the morning after their expiry date

    @seed:003 @req:003-026 @req:003-040 @new-org
    Scenario: Points left unspent expire, dated the morning after the expiry date
      Given the org setting CONF_LOYALTY_POINTS_EXPIRY_DAYS is 30
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And "Asha" has redeemed 30 points
      When the org's clock moves on to "2026-02-15T12:00:00Z"
      Then the PointsExpiry event of "Asha" is dated "2026-02-01T06:00:00Z"
      And "Asha" has 0 points
      And the ledger of "Asha" is read with these filters:
        | start date | 2026-01-01T00:00:00 |
        | end date   | 2026-02-15T12:00:00 |
      And the ledger view shows:
        | event                  | entry           | points |
        | CustomerRegistration   | OPENING_BALANCE | 0      |
        | CustomerRegistration   | OPENING_BALANCE | 0      |
        | CustomerRegistration   | OPENING_BALANCE | 0      |
        | AllocateGoodwillPoints | CREDIT          | 100    |
        | PointsRedemption       | DEBIT           | 30     |
        | PointsExpiry           | DEBIT           | 70     |

    @seed:003 @req:003-026 @new-org
    Scenario: Points credited later are not expired with the earlier ones
      Given the org setting CONF_LOYALTY_POINTS_EXPIRY_DAYS is 30
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And the org's clock moves on to "2026-01-20T10:00:00Z"
      And "Asha" has been given 50 goodwill points
      When the org's clock moves on to "2026-02-05T10:00:00Z"
      Then "Asha" has 50 points
      And the PointsExpiry event of "Asha" is dated "2026-02-01T06:00:00Z"

    @seed:003 @req:003-026 @new-org
    Scenario: Points credited on two days expire on two mornings, each with its own points
      Given the org setting CONF_LOYALTY_POINTS_EXPIRY_DAYS is 30
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And the org's clock moves on to "2026-01-20T10:00:00Z"
      And "Asha" has been given 50 goodwill points
      When the org's clock moves on to "2026-03-01T10:00:00Z"
      Then "Asha" has 0 points
      And the PointsExpiry events of "Asha" are:
        | date                 | points |
        | 2026-02-01T06:00:00Z | 100    |
        | 2026-02-20T06:00:00Z | 50     |

    @seed:003 @req:003-026 @new-org
    Scenario: Points spent before their expiry date leave nothing to expire on that morning
      Given the org setting CONF_LOYALTY_POINTS_EXPIRY_DAYS is 30
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And "Asha" has redeemed 100 points
      And the org's clock moves on to "2026-01-20T10:00:00Z"
      And "Asha" has been given 50 goodwill points
      When the org's clock moves on to "2026-03-01T10:00:00Z"
      Then "Asha" has 0 points
      And the PointsExpiry events of "Asha" are:
        | date                 | points |
        | 2026-02-20T06:00:00Z | 50     |

    @seed:003 @req:003-026 @new-org
    Scenario: Each program's unspent points expire from that program
      Given the org setting CONF_LOYALTY_POINTS_EXPIRY_DAYS is 30
      And the org setting CONF_LOYALTY_PROGRAMS is Fashion,Beauty
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points in "Fashion"
      And "Asha" has been given 40 goodwill points in "Beauty"
      And "Asha" has redeemed 30 points
      When the org's clock moves on to "2026-02-15T12:00:00Z"
      Then the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points | program |
        | AllocateGoodwillPoints | CREDIT | 100    | Fashion |
        | AllocateGoodwillPoints | CREDIT | 40     | Beauty  |
        | PointsRedemption       | DEBIT  | 30     | Fashion |
        | PointsExpiry           | DEBIT  | 70     | Fashion |
        | PointsExpiry           | DEBIT  | 40     | Beauty  |
      And "Asha" has 0 points

    # Rulings 112 and 113: the expiry job runs at 06:00 UTC and promised points convert that many days after
    # the bill, to the millisecond: a clock that reads that instant finds the job done.
    @seed:003 @req:003-026 @req:003-040 @req:003-021 @new-org
    Scenario: A job has run when the org's clock reads the instant it is due
      Given the org setting CONF_LOYALTY_PROMISED_POINTS_DAYS is 14
      And the org setting CONF_LOYALTY_POINTS_EXPIRY_DAYS is 30
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill "B1" of 500 was paid through INSTORE with mobile M1
      When the org's clock moves on to "2026-01-15T10:00:00Z"
      Then "Asha" has 500 points
      When the org's clock moves on to "2026-02-15T06:00:00Z"
      Then "Asha" has 0 points

  Rule: Once a ledger exists, the org's clock only moves on

    # Ruling 112: the test-control clock takes an ISO 8601 date-time (8520 otherwise); before the first ledger
    # event it may start anywhere, after it never moves back (8316), so every ledger stays in date order.
    @seed:003 @req:003-026 @new-org
    Scenario: The org's clock cannot move back once a customer has a ledger
      Given the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When the org's clock is set to "2025-12-31T10:00:00Z"
      Then the request is refused with error 8316
      When the org's clock is set to "2026-01-01T10:00:00Z"
      Then the request succeeds
      When the org's clock is set to "tomorrow"
      Then the request is refused with error 8520
      When the org's clock is set to " 2026-02-01T10:00:00Z"
      Then the request is refused with error 8520

  Rule: Promised points convert into regular points in one event

    @seed:003 @req:003-021 @req:003-030 @req:003-048 @req:003-049 @new-org
    Scenario: A bill's promised points become regular points after the promised days
      Given the org setting CONF_LOYALTY_PROMISED_POINTS_DAYS is 14
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill "B1" of 500 was paid through INSTORE with mobile M1
      Then "Asha" has 0 points
      When 15 days pass
      Then the points ledger of "Asha" shows, after its opening balance:
        | event                    | entry  | points | category | points on event |
        | TransactionAdd           | CREDIT | 500    | Promised | 500             |
        | PromisedPointsConversion | DEBIT  | 500    | Promised | 0               |
        | PromisedPointsConversion | CREDIT | 500    | Regular  | 0               |
      And "Asha" has 500 points
      And "Asha" has 500 lifetime points and has redeemed 0

    @seed:003 @req:003-021 @req:003-030 @req:003-010 @new-org
    Scenario: Promised points lift the tier only once they convert
      Given the org setting CONF_LOYALTY_PROMISED_POINTS_DAYS is 14
      And the org setting CONF_LOYALTY_TIERS is Silver:0,Gold:500,Platinum:2000
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill "B1" of 600 was paid at store S001 through INSTORE with mobile M1
      Then "Asha" is in tier "Silver"
      And the TransactionAdd event of "Asha" names store S001
      When 15 days pass
      Then "Asha" is in tier "Gold"
      And "Asha" has 600 lifetime points and has redeemed 0

    @seed:003 @req:003-021 @new-org
    Scenario: Promised points cannot be redeemed before they convert
      Given the org setting CONF_LOYALTY_PROMISED_POINTS_DAYS is 14
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill "B1" of 500 was paid through INSTORE with mobile M1
      When "Asha" redeems 100 points
      Then the request is refused with error 8234

    # Rulings 112 and 113: promised points become regular points when they convert, and regular points expire
    # counted from the day they were credited, so converted points expire counted from the conversion.
    @seed:003 @req:003-026 @req:003-021 @new-org
    Scenario: Converted points expire counted from the day they became regular points
      Given the org setting CONF_LOYALTY_PROMISED_POINTS_DAYS is 14
      And the org setting CONF_LOYALTY_POINTS_EXPIRY_DAYS is 30
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill "B1" of 500 was paid through INSTORE with mobile M1
      When the org's clock moves on to "2026-03-01T10:00:00Z"
      Then "Asha" has 0 points
      And the PromisedPointsConversion event of "Asha" is dated "2026-01-15T10:00:00Z"
      And the PointsExpiry events of "Asha" are:
        | date                 | points |
        | 2026-02-15T06:00:00Z | 500    |

    # Ruling 103: nothing follows the merge in a victim's ledger; its promised points move to the survivor,
    # whose ledger converts them.
    @seed:003 @req:003-045 @req:003-021 @new-org
    Scenario: A merge victim's promised points convert in the survivor's ledger, not in the victim's
      Given the org setting CONF_LOYALTY_PROMISED_POINTS_DAYS is 14
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And a bill "B1" of 500 was paid through INSTORE with mobile M2
      And "Ravi" has been merged into "Asha" on request
      When 15 days pass
      Then the last event of the ledger of "Ravi" is MergeCustomer
      And "Asha" has 500 points

    @seed:003 @req:003-026 @req:003-021 @new-org
    Scenario: Events of the jobs are written in the order they happened
      Given the org setting CONF_LOYALTY_PROMISED_POINTS_DAYS is 45
      And the org setting CONF_LOYALTY_POINTS_EXPIRY_DAYS is 30
      And the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And a bill "B1" of 500 was paid through INSTORE with mobile M1
      When the org's clock moves on to "2026-03-01T10:00:00Z"
      Then the points ledger of "Asha" shows, after its opening balance:
        | event                    | entry  | points | category |
        | AllocateGoodwillPoints   | CREDIT | 100    | Regular  |
        | TransactionAdd           | CREDIT | 500    | Promised |
        | PointsExpiry             | DEBIT  | 100    | Regular  |
        | PromisedPointsConversion | DEBIT  | 500    | Promised |
        | PromisedPointsConversion | CREDIT | 500    | Regular  |
      And "Asha" has 500 points
