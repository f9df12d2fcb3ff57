Feature: Every ledger starts with its opening balance
  Seed 003 "Ledger Behaviour and Possible Entries": "There will always exist an opening balance entry for a user
  and it marks the start of the ledger and no entries will be available prior to this entry." Made at
  registration, it is "a zero value entry and simply marks the start of the ledger", and it "will be present
  for a user for each program and each points category (e.g. if there are 5 programs and 3 categories -
  there will be 15 opening balance entries)". The three points categories are Regular, Promised and
  Trigger-based.

  # Ruling 101: an org's programs are its setup (CONF_LOYALTY_PROGRAMS, the first is the default program); every
  # program has the seed's three points categories, so a ledger opens with programs x 3 entries, all in the
  # CustomerRegistration event that created the customer (seed 003 "Customer Registration": "this event will
  # contain an Opening Balance entry").

  Background:
    Given an org with default settings

  Rule: A new customer's ledger opens with a zero entry per program and points category

    @seed:003 @req:003-016 @req:003-014 @req:003-034
    Scenario: Five programs and three categories open fifteen entries
      Given the org setting CONF_LOYALTY_PROGRAMS is Fashion,Beauty,Home,Travel,Dining
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      Then the ledger of "Asha" opens with a zero opening balance for each of the 5 programs and 3 points categories, 15 entries in all

    @seed:003 @req:003-016 @req:003-014
    Scenario: One program opens three entries, one per points category
      Given the org setting CONF_LOYALTY_PROGRAMS is Fashion
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      Then the points ledger of "Asha" shows:
        | event                | entry           | points | category      | program |
        | CustomerRegistration | OPENING_BALANCE | 0      | Regular       | Fashion |
        | CustomerRegistration | OPENING_BALANCE | 0      | Promised      | Fashion |
        | CustomerRegistration | OPENING_BALANCE | 0      | Trigger-based | Fashion |

    @seed:003 @req:003-013 @req:003-034
    Scenario: A customer created by their first bill also opens with the opening balance, before the bill's points
      When a bill of 400 arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And the points ledger of "Asha" shows:
        | event                | entry           | points | category      |
        | CustomerRegistration | OPENING_BALANCE | 0      | Regular       |
        | CustomerRegistration | OPENING_BALANCE | 0      | Promised      |
        | CustomerRegistration | OPENING_BALANCE | 0      | Trigger-based |
        | TransactionAdd       | CREDIT          | 400    | Regular       |

  Rule: No entry precedes the opening balance

    @seed:003 @req:003-013
    Scenario: Whatever happens later, the opening balance stays first
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" has been given 100 goodwill points
      And "Asha" has redeemed 40 points
      Then the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points |
        | AllocateGoodwillPoints | CREDIT | 100    |
        | PointsRedemption       | DEBIT  | 40     |
