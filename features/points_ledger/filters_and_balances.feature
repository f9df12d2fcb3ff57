Feature: Ledger entries, filters and closing balances
  Seed 003 "API to fetch Points Ledger Entries": "The API supports filtering options such as: Event Source (e.g.
  INSTORE, E-COMMERCE, WEBSITE, TMALL, etc.), Till ID, Date Range (By default it returns for the last 7 days),
  Entry type (Credit, Debit), Points Category (Regular, Promised, or Trigger-based)", and gives "Ledger entries
  with: a. Information on the event b. The date-time when the entry was created, along with a unique event log
  id c. The nature of the transaction (i.e. credit or debit) d. The program and points account that is affected
  e. The actual points impact f. The till and store where the event occurred". "API to fetch Points Ledger
  Closing Balance": "The user can provide the same query parameters used to fetch Ledger Entries and they would
  get the closing balance as of the last entry in that ledger. By default, it would return the current balance
  of the customer in the absence of any filter parameters."

  # Ruling 115: the documented `source` parameter names where the customer is looked up, so the seed's "Event
  # Source" is memberspec's `eventSource`: registrations and bills carry the source they came through, points
  # operations the till's INSTORE. The till is named by its code (the till's username); one the org does not
  # have is refused (11004). An entry-type or category filter shows only the entries of that type or category,
  # and the events that have one. Without dates, the view is the 7 days up to now; a start after the end is
  # refused (11009), an unreadable date 11011, an unknown entry type 11007, category 11008, program 11005.
  # Ruling 117: a closing balance is per program and points category, summed from the opening balance to the
  # view's end date; the entry-type and event-source filters choose entries to list, not balances.

  Background:
    Given an org with default settings

  Rule: Each entry says what happened, when, where, and to which account

    @seed:003 @req:003-010 @req:003-001
    Scenario: A bill's event names its store, the till, the program and account, and the points
      Given the org setting CONF_LOYALTY_PROGRAMS is Fashion
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill "B1" of 400 was paid at store S001 through INSTORE with mobile M1
      And "Asha" has redeemed 150 points
      Then the points ledger of "Asha" shows, after its opening balance:
        | event            | entry  | points | category | program | points on event | bill |
        | TransactionAdd   | CREDIT | 400    | Regular  | Fashion | 400             | B1   |
        | PointsRedemption | DEBIT  | 150    | Regular  | Fashion | -150            |      |
      And the TransactionAdd event of "Asha" names store S001
      And every event of the ledger of "Asha" has its own event log id, a date and the till of the org

  Rule: Entry type and points category filters show only those entries

    @seed:003 @req:003-007
    Scenario Outline: The <type> entries of a ledger
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 300 goodwill points
      And "Asha" has redeemed 120 points
      When the ledger of "Asha" is read with these filters:
        | entry type | <type> |
      Then the ledger view shows:
        | event   | entry   | points   |
        | <event> | <entry> | <points> |

      Examples:
        | type   | event                  | entry  | points |
        | Credit | AllocateGoodwillPoints | CREDIT | 300    |
        | Debit  | PointsRedemption       | DEBIT  | 120    |

    # Ruling 100: pages are numbered from 0; a filtered view counts and pages the entries it shows.
    @seed:003 @req:003-007 @req:003-002
    Scenario: The second page of the credits, two a page
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 10 goodwill points 3 times
      And "Asha" has redeemed 5 points
      When the ledger of "Asha" is read with these filters:
        | entry type | Credit |
        | page size  | 2      |
        | page       | 1      |
      Then the ledger view shows:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 10     |
      And the ledger view counts 3 entries in all, on 2 pages

    @seed:003 @req:003-008
    Scenario: The Promised and Regular accounts of a ledger
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 300 goodwill points
      When the ledger of "Asha" is read with these filters:
        | points category | Promised |
      Then the ledger view shows:
        | event                | entry           | points | category |
        | CustomerRegistration | OPENING_BALANCE | 0      | Promised |
      When the ledger of "Asha" is read with these filters:
        | points category | Regular |
      Then the ledger view shows:
        | event                  | entry           | points | category |
        | CustomerRegistration   | OPENING_BALANCE | 0      | Regular  |
        | AllocateGoodwillPoints | CREDIT          | 300    | Regular  |

  Rule: Event source and till filters show the events of that source or till

    @seed:003 @req:003-004
    Scenario: Only the events that came through E-commerce
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a bill "B1" of 250 was paid through ECOMMERCE with mobile M1
      And "Asha" has been given 40 goodwill points
      When the ledger of "Asha" is read with these filters:
        | event source | ECOMMERCE |
      Then the ledger view shows:
        | event          | entry  | points | source    |
        | TransactionAdd | CREDIT | 250    | ECOMMERCE |

    @seed:003 @req:003-005
    Scenario: The org's own till sees every event; a till the org does not have is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 40 goodwill points
      When the ledger of "Asha" is read with its own till as the till filter
      Then the ledger view shows:
        | event                  | entry           | points |
        | CustomerRegistration   | OPENING_BALANCE | 0      |
        | CustomerRegistration   | OPENING_BALANCE | 0      |
        | CustomerRegistration   | OPENING_BALANCE | 0      |
        | AllocateGoodwillPoints | CREDIT          | 40     |
      When the ledger of "Asha" is read with these filters:
        | till | no-such-till |
      Then the request is refused with error 11004

  Rule: A date range shows the events between its dates, the last 7 days by default

    @seed:003 @req:003-006 @new-org
    Scenario: Without dates the ledger shows the last 7 days
      Given the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And 10 days pass
      And "Asha" has been given 50 goodwill points
      When the ledger of "Asha" is read 10 entries a page
      Then the ledger view shows:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 50     |
      And the ledger view counts 1 entry in all, on 1 page
      When the ledger of "Asha" is read with these filters:
        | start date | 2026-01-01T00:00:00 |
        | end date   | 2026-01-02T00:00:00 |
        | entry type | Credit              |
      Then the ledger view shows:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 100    |

    # The contract's startDate: "yyyy-MM-ddTHH:mm:ss (UTC) or an ISO 8601 instant": an instant may carry
    # milliseconds and the offset it was written in; 15:30 at +05:30 is 10:00 UTC.
    @seed:003 @req:003-006 @new-org
    Scenario: Dates written with milliseconds and a UTC offset bound the view where they say, both ends included
      Given the org's clock reads "2026-01-01T10:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And 2 days pass
      And "Asha" has been given 50 goodwill points
      When the ledger of "Asha" is read with these filters:
        | start date | 2026-01-01T15:29:59.999+05:30 |
        | end date   | 2026-01-01T15:30:00.001+05:30 |
        | entry type | Credit                        |
      Then the ledger view shows:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 100    |
      When the ledger of "Asha" is read with these filters:
        | start date | 2026-01-01T10:00:00 |
        | end date   | 2026-01-01T10:00:00 |
        | entry type | Credit              |
      Then the ledger view shows:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 100    |

    @seed:003 @req:003-006
    Scenario Outline: <what> is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When the ledger of "Asha" is read with these filters:
        | <filter>   | <value>   |
        | <filter 2> | <value 2> |
      Then the request is refused with error <code>

      Examples:
        | what                          | filter          | value               | filter 2   | value 2             | code  |
        | A start date after the end    | start date      | 2026-02-01T00:00:00 | end date   | 2026-01-01T00:00:00 | 11009 |
        | A date that is not a date     | start date      | the first of May    | end date   | 2026-01-01T00:00:00 | 11011 |
        | An entry type that is unknown | entry type      | REFUND              | page size  | 10                  | 11007 |
        | A points category unknown     | points category | Gold                | page size  | 10                  | 11008 |
        | A program the org lacks       | program         | 9                   | page size  | 10                  | 11005 |

  Rule: The closing balance of a ledger view

    @seed:003 @req:003-011 @req:003-012 @new-org
    Scenario: The current balance by default, the balance as of a date with an end date
      Given the org's clock reads "2026-03-01T09:00:00Z"
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And 2 days pass
      And "Asha" has been given 50 goodwill points
      When the closing balance of "Asha" is read
      Then the closing balances are:
        | category      | balance |
        | Regular       | 150     |
        | Promised      | 0       |
        | Trigger-based | 0       |
      When the closing balance of "Asha" is read with these filters:
        | end date        | 2026-03-02T00:00:00 |
        | points category | Regular             |
      Then the closing balances are:
        | category | balance |
        | Regular  | 100     |
