Feature: Transactions with bill lines, store and outlier flag
  A transaction records the bill: its number, amount, store and line items, and whether the customer's
  status marks it as an outlier (seed 001 "Mark transaction outlier"). Member Care shows the recent
  transactions with the points each one issued (seed 002 "Recent transactions"). The transaction API is
  memberspec's v2-style design; its rules are the contract's.

  # Ruling 36: a bill with line items must add up. Each line's amount is quantity x rate and the bill amount is
  # the total of the lines, to the cent; otherwise the bill is refused (8231, 8230) and nothing is recorded.
  # Ruling 43: an Active customer's transactions are never outliers; the outlier flag comes only from a status
  # label carrying "Mark transaction outlier".

  Background:
    Given an org with default settings

  Rule: A bill is recorded with its store and line items, and read back among the recent transactions

    @seed:002 @seed:contract @req:002-81 @req:contract-20 @req:contract-21
    Scenario: A bill with lines is recorded and shown among the recent transactions
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a bill of 1250 at store STORE01 arrives through INSTORE with mobile M1 and these lines:
        | sku    | description  | qty | rate | amount |
        | TSHIRT | Cotton shirt | 2   | 400  | 800    |
        | SOCKS  | Wool socks   | 3   | 150  | 450    |
      Then the request succeeds
      And the request's customer is "Asha"
      And the bill is not marked as an outlier
      And the last transaction of "Asha" has these lines:
        | sku    | description  | qty | rate | amount |
        | TSHIRT | Cotton shirt | 2   | 400  | 800    |
        | SOCKS  | Wool socks   | 3   | 150  | 450    |

    # Ruling 36 checks the lines a bill lists: an empty list lists none, as a bill sent without lines.
    @seed:contract @req:contract-20
    Scenario: A bill with an empty list of lines is recorded as a bill without lines
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a bill of 300 at store STORE01 arrives through INSTORE with mobile M1 and an empty list of lines
      Then the request succeeds
      And "Asha" has 300 points

    # The bill column is the transaction number: the number the scenario's first (1) or second (2) bill was sent with.
    @seed:002 @seed:contract @req:002-81 @req:contract-21 @req:contract-22 @req:002-89
    Scenario: Recent transactions list the newest first, with number, store, outlier flag and points issued
      Given the org setting CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT is 0.1
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill of 300 was paid through INSTORE with mobile M1
      When a bill of 1250 at store STORE02 arrives through INSTORE with mobile M1 and these lines:
        | sku  | qty | rate | amount |
        | SHOE | 1   | 1250 | 1250   |
      Then the request succeeds
      And the recent transactions of "Asha" are:
        | bill | amount | store   | lines | outlier | points issued |
        | 2    | 1250   | STORE02 | 1     | false   | 125           |
        | 1    | 300    |         | 0     | false   | 30            |

    # Seed 002 "Recent transactions" shows when each bill was made: a bill sent later (a till that was
    # offline, an import) keeps its own time.
    @seed:002 @seed:contract @req:002-81 @req:contract-21 @req:002-89
    Scenario: A bill keeps the time it was made at, not the time it arrives
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a bill of 300 made at 2025-11-30T18:45:00+05:30 arrives through INSTORE with mobile M1
      Then the request succeeds
      And the last transaction of "Asha" was made at 2025-11-30T13:15:00Z

    @seed:contract @req:contract-20
    Scenario: A bill whose time is not a date and time is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a bill of 300 made at yesterday arrives through INSTORE with mobile M1
      Then the request is refused with error 8203
      And "Asha" has no transactions

  Rule: A bill whose lines do not add up is refused, and nothing is recorded

    @seed:contract @req:contract-20
    Scenario: A bill amount other than the total of its lines is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a bill of 1000 at store STORE01 arrives through INSTORE with mobile M1 and these lines:
        | sku    | qty | rate | amount |
        | TSHIRT | 2   | 400  | 800    |
      Then the request is refused with error 8230
      And "Asha" has no transactions
      And "Asha" has 0 points

    @seed:contract @req:contract-20
    Scenario: A line whose amount is not quantity x rate is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a bill of 900 at store STORE01 arrives through INSTORE with mobile M1 and these lines:
        | sku    | qty | rate | amount |
        | TSHIRT | 2   | 400  | 900    |
      Then the request is refused with error 8231
      And "Asha" has no transactions
      And "Asha" has 0 points
