Feature: Dual eligibility
  With dual eligibility an org registers several loyalty users who share secondary identifiers (email,
  mobile), as long as each has its own primary identifier. Such users are found only by their primary
  identifier, and registering the same person again from another source still merges into one customer.

  # The seed's example uses External ID as the primary identifier (John123, John124).
  Background:
    Given an org with these settings:
      | setting                       | value      |
      | CONF_INSTORE_V2_ENABLED       | true       |
      | CONF_REGISTRATION_PRIMARY_KEY | externalId |

  Rule: Users with the same secondary identifiers and unique primary identifiers are registered separately

    @seed:000 @req:000-29 @req:000-30
    Scenario: The same person is registered again with another external ID
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      When a loyalty registration arrives through INSTORE with email E1, mobile M1 and external id X2
      Then the request succeeds
      And the request created a new customer "John124"
      And "John123" has email E1, mobile M1 and external id X1
      And "John124" has email E1, mobile M1 and external id X2
      And "John123" is not merged
      And "John123" is reachable on mobile and email only
      And "John124" is reachable on mobile and email only

    @seed:000 @req:000-29
    Scenario: The primary identifier must stay unique
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      When a loyalty registration arrives through INSTORE with email E2, mobile M2 and external id X1
      Then the request is refused with error 8006
      And "John123" has email E1, mobile M1 and external id X1
      And looking up the external id X1 through INSTORE finds "John123"

  Rule: Dual eligibility works with external ID, mobile or email as the primary identifier

    @seed:000 @req:000-33
    Scenario Outline: Two users share everything but their primary identifier <primary key>
      Given the org setting CONF_REGISTRATION_PRIMARY_KEY is <primary key>
      And a loyalty customer "First" registered through INSTORE with <first>
      When a loyalty registration arrives through INSTORE with <second>
      Then the request succeeds
      And the request created a new customer "Second"
      And "First" has <first>
      And "Second" has <second>
      And looking up the <primary word> <second primary> through INSTORE finds "Second"

      Examples:
        | primary key | first                                  | second                                 | primary word | second primary |
        | externalId  | external id X1, email E1 and mobile M1 | external id X2, email E1 and mobile M1 | external id  | X2             |
        | mobile      | mobile M1, email E1 and external id X1 | mobile M2, email E1 and external id X1 | mobile       | M2             |
        | email       | email E1, mobile M1 and external id X1 | email E2, mobile M1 and external id X1 | email        | E2             |

  Rule: Users registered with dual eligibility are retrieved only by their primary identifier

    @seed:000 @req:000-31
    Scenario: Looking up by the primary identifier finds the user
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      And a loyalty customer "John124" registered through INSTORE with email E1, mobile M1 and external id X2
      When the customer with external id X2 is looked up through INSTORE
      Then the lookup finds "John124"

    @seed:000 @req:000-31
    Scenario Outline: Looking up by a secondary identifier (<identifier>) finds no user
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      And a loyalty customer "John124" registered through INSTORE with email E1, mobile M1 and external id X2
      When the customer with <identifier> is looked up through INSTORE
      Then the request is refused with error 8015

      Examples:
        | identifier |
        | email E1   |
        | mobile M1  |

    @seed:000 @req:000-31
    Scenario: Looking up by several identifiers uses the primary one
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      And a loyalty customer "John124" registered through INSTORE with email E1, mobile M1 and external id X2
      When a customer is looked up through INSTORE by email E1 and external id X2
      Then the lookup finds "John124"

    # Each loyalty user keeps its own primary identifier: one another user of the source holds is refused (8007).
    @seed:000 @req:000-29 @req:000-30 @seed:contract @req:contract-08
    Scenario: A loyalty user cannot take the external ID another loyalty user holds
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      And a loyalty customer "John124" registered through INSTORE with email E1, mobile M1 and external id X2
      When "John124" adds the external id X1 through INSTORE
      Then the request is refused with error 8007
      And "John124" has external id X2
      And looking up the external id X1 through INSTORE finds "John123"

    # The platform's 8013 "Customer identifier is invalid" answers a bad identifierName, before any search.
    @seed:000 @req:000-31 @seed:contract @req:contract-07
    Scenario: Looking up by an identifier type that does not exist is refused as unknown, not as not found
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      When a customer is looked up through INSTORE by the unknown identifier type "shoeSize" with value "42"
      Then the request is refused with error 8013

  Rule: Dual eligibility applies only to loyalty users

    # Without dual eligibility a non-loyalty registration is matched as usual: the shared secondary
    # identifiers lead to the existing customer instead of creating a second one.
    @seed:000 @req:000-34
    Scenario: A non-loyalty registration sharing secondary identifiers does not create a second user
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      When a non-loyalty registration arrives through INSTORE with email E1, mobile M1 and external id X2
      Then the request succeeds
      And the request's customer is "John123"

  Rule: The same identifier from another registration source merges into the existing user

    @seed:000 @req:000-32 @req:000-37
    Scenario: Registering the same user through another source shows both sources
      Given a loyalty customer "John123" registered through INSTORE with email E1, mobile M1 and external id X1
      When a loyalty registration arrives through WEBSITE with email E1, mobile M1 and external id X1
      Then the request succeeds
      And the request's customer is "John123"
      And "John123" has these source profiles:
        | source  | account |
        | INSTORE |         |
        | WEBSITE |         |
