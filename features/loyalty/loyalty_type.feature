Feature: Loyalty and non-loyalty customers
  A customer is either a loyalty customer, enrolled in the org's loyalty program, or a non-loyalty
  customer who has only subscribed with a mobile number or email ID. The loyalty type is given at
  registration or with a transaction, and transactions of non-loyalty customers are tagged to them by
  their identifiers.

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: The loyalty type is defined at registration or while adding a transaction

    @seed:000 @req:000-07 @req:000-08
    Scenario Outline: A <loyalty type> registration creates a <loyalty type> customer
      When a <loyalty type> registration arrives through INSTORE with mobile M1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" is a <loyalty type> customer

      Examples:
        | loyalty type |
        | loyalty      |
        | non-loyalty  |

    # The loyalty type is optional in a registration, and the seeds do not say which one a registration that
    # names none gives ("You can define the loyalty type of a customer during customer registration"): either
    # is accepted, but the customer has one of the two.
    @seed:000 @req:000-07 @req:000-08
    Scenario: A registration that names no loyalty type creates a customer of one of the two types
      When a registration that names no loyalty type arrives through INSTORE with mobile M1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" is a loyalty or a non-loyalty customer

    @seed:000 @req:000-07 @req:000-08
    Scenario Outline: A <loyalty type> transaction from a new mobile creates a <loyalty type> customer
      When a <loyalty type> transaction arrives through INSTORE with mobile M1
      Then the request succeeds
      And the request created a new customer "Shopper"
      And "Shopper" is a <loyalty type> customer

      Examples:
        | loyalty type |
        | loyalty      |
        | non-loyalty  |

  Rule: Transactions of non-loyalty customers are tagged to their identifiers

    @seed:000 @req:000-07
    Scenario Outline: A transaction with the subscriber's <identifier> is tagged to the subscriber
      Given the org setting CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS is true
      And a non-loyalty customer "Subscriber" registered through INSTORE with <identifier>
      When a non-loyalty transaction arrives through INSTORE with <identifier>
      Then the request succeeds
      And the request's customer is "Subscriber"
      And "Subscriber" is a non-loyalty customer

      Examples:
        | identifier |
        | mobile M1  |
        | email E1   |

  Rule: A non-loyalty customer can enrol; a loyalty customer cannot go back

    @seed:000 @seed:contract @req:000-07 @req:contract-09
    Scenario: A non-loyalty customer enrols in the loyalty program
      Given a non-loyalty customer "Subscriber" registered through INSTORE with mobile M1
      When "Subscriber" is changed to a loyalty customer through INSTORE
      Then the request succeeds
      And "Subscriber" is a loyalty customer

    # Seed 000: the loyalty type is defined "during customer registration or while adding a transaction";
    # each path enrols a non-loyalty customer, and the customer view then shows the loyalty status.
    @seed:000 @seed:002 @req:000-08 @req:000-42 @req:002-05
    Scenario Outline: A loyalty <request> through <source> enrols the non-loyalty customer it matches
      Given a non-loyalty customer "Subscriber" registered through INSTORE with mobile M1
      When a loyalty <request> arrives through <source> with mobile M1
      Then the request succeeds
      And the request's customer is "Subscriber"
      And "Subscriber" is a loyalty customer

      Examples:
        | request      | source  |
        | transaction  | INSTORE |
        | registration | WEBSITE |

    # Ruling 15: only the update documents a refusal (8018). A non-loyalty transaction or registration that
    # matches a loyalty customer is not refused, so no bill is lost; the customer stays loyalty.
    @seed:000 @seed:contract @req:000-08 @req:000-42 @req:contract-09
    Scenario Outline: A non-loyalty <request> through <source> leaves a loyalty customer loyalty
      Given a loyalty customer "Member" registered through INSTORE with mobile M1
      When a non-loyalty <request> arrives through <source> with mobile M1
      Then the request succeeds
      And the request's customer is "Member"
      And "Member" is a loyalty customer

      Examples:
        | request      | source  |
        | transaction  | INSTORE |
        | registration | WEBSITE |

    # Ruling 14: the seeds describe enrolment but never leaving the program; memberspec refuses the
    # change back with error 8018 so loyalty history is never silently dropped.
    @seed:contract @req:contract-09
    Scenario: A loyalty customer cannot become non-loyalty
      Given a loyalty customer "Member" registered through INSTORE with mobile M1
      When "Member" is changed to a non-loyalty customer through INSTORE
      Then the request is refused with error 8018
      And "Member" is a loyalty customer

    # Ruling 14 refuses leaving the program only: a non-loyalty customer updated as non-loyalty leaves nothing.
    @seed:contract @req:contract-09
    Scenario: A non-loyalty customer updated as non-loyalty is not refused
      Given a non-loyalty customer "Subscriber" registered through INSTORE with mobile M1
      When "Subscriber" is changed to a non-loyalty customer through INSTORE
      Then the request succeeds
      And "Subscriber" is a non-loyalty customer

    @seed:contract @req:contract-09
    Scenario: Changing an unknown customer is refused
      When an unknown customer is changed to a loyalty customer through INSTORE
      Then the request is refused with error 8009
