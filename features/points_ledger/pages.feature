Feature: Reading the ledger page by page
  Seed 003 "API to fetch Points Ledger Entries": "The API supports pagination with a maximum allowed page size
  of 10", and the ledger answers the problem that "There is no way to paginate all this information in a
  proper chronological order in an app or website". The API provides "Basic details of the customer" and
  "Page related information".

  # Ruling 100: the seed says "a maximum allowed page size of 10" and the API documents error 11006 "Limit
  # cannot be greater than 10" (its parameter table says 100; the seed and the code agree on 10). A larger
  # page is refused with 11006, not silently cut to 10, so an app learns its request was wrong. Pages are
  # numbered from 0 (the API's offset is a page number), oldest events first.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1

  Rule: Pages hold at most 10 events, in the order they happened

    @seed:003 @req:003-002 @req:003-003 @req:003-009
    Scenario: Twenty-five events make three pages, oldest first
      Given "Asha" has been given 10 goodwill points 24 times
      When the ledger of "Asha" is read page by page, 10 entries a page
      Then the pages hold 10, 10 and 5 events
      And the pages list the opening balance first, then the goodwill points in the order they were given
      And every page names "Asha" and gives its page number, page size 10, 25 entries in all and 3 pages

    @seed:003 @req:003-002 @req:003-003
    Scenario: Smaller pages keep the same order
      Given "Asha" has been given 10 goodwill points 6 times
      When the ledger of "Asha" is read page by page, 3 entries a page
      Then the pages hold 3, 3 and 1 events
      And the pages list the opening balance first, then the goodwill points in the order they were given
      And every page names "Asha" and gives its page number, page size 3, 7 entries in all and 3 pages

    @seed:003 @req:003-002
    Scenario Outline: A page of <size> entries is refused
      Given "Asha" has been given 10 goodwill points 12 times
      When the ledger of "Asha" is read <size> entries a page
      Then the request is refused with error 11006
      And "Asha" has 120 points

      Examples:
        | size |
        | 11   |
        | 100  |

  Rule: The ledger names its customer

    @seed:003 @req:003-009
    Scenario: The ledger gives the customer's basic details
      Given a loyalty customer "Ravi" registered through INSTORE with these details:
        | mobile     | M2    |
        | first name | Ravi  |
        | last name  | Kumar |
      When the ledger of "Ravi" is read 10 entries a page
      Then the request succeeds
      And the ledger page names the customer "Ravi" "Kumar"
