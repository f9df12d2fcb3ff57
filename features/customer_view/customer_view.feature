Feature: The customer view
  Member Care shows one view of a customer: the primary identifier first, then the secondary ones, every
  source profile with its channels, the name and the date the customer registered, the loyalty status,
  and the channels the customer can be reached on.

  Rule: The first identifier shown is the org's primary identifier

    # The registration lists the primary identifier last: the view orders identifiers, it does not echo them.
    @seed:002 @req:002-06
    Scenario Outline: With <primary key> as the primary identifier it is listed first
      Given an org with these settings:
        | setting                       | value         |
        | CONF_REGISTRATION_PRIMARY_KEY | <primary key> |
      And a loyalty customer "Asha" registered through INSTORE with <registered with>
      When the customer details of "Asha" are read
      Then the request succeeds
      And the first identifier of "Asha" is the <primary identifier>
      And "Asha" has mobile M1, email E1 and external id X1

      Examples:
        | primary key | registered with                        | primary identifier |
        | mobile      | email E1, external id X1 and mobile M1 | mobile M1          |
        | email       | external id X1, mobile M1 and email E1 | email E1           |
        | externalId  | mobile M1, email E1 and external id X1 | external id X1     |

  Rule: The view shows every identifier the org supports, card numbers included

    # Seed 002 "Customer identifiers": "Member Care supports mobile numbers, email ID, external ID, card
    # number, ...". Card numbers are shown with the customer's cards.
    @seed:002 @req:002-07
    Scenario: Mobile, email, external ID and card number are all shown
      Given an org with default settings
      And a loyalty customer "Asha" registered through INSTORE with mobile M1, email E1 and external id X1
      And card C1 is linked to "Asha"
      When the customer details of "Asha" are read
      Then the request succeeds
      And "Asha" has mobile M1, email E1 and external id X1
      And the cards of "Asha" are:
        | card | status | label  |
        | C1   | ACTIVE | ACTIVE |

  Rule: Searching with the complete identifier finds the customer, a part of one finds nobody

    # Seed 002 "Customer overview": "In the search box, enter the complete customer identifier such as
    # registered mobile number, email ID, external ID, card number, card external ID, or name". The
    # customer API searches by identifier (lookup); card external ID and name are not among its identifiers.
    @seed:002 @req:002-27
    Scenario Outline: The complete <identifier> finds the customer, and a part of it finds nobody
      Given an org with default settings
      And a loyalty customer "Asha" registered through INSTORE with mobile M1, email E1 and external id X1
      And card C1 is linked to "Asha"
      When the complete <identifier> <value> is looked up through INSTORE
      Then the lookup finds "Asha"
      When the <identifier> <value> without its last character is looked up through INSTORE
      Then the request is refused with error 8015
      When the <identifier> <value> without its first character is looked up through INSTORE
      Then the request is refused with error 8015

      Examples:
        | identifier  | value |
        | mobile      | M1    |
        | email       | E1    |
        | external id | X1    |
        | card number | C1    |

  Rule: The view shows the customer's name and registration date

    @seed:002 @req:002-04
    Scenario: Name and registration date of a new customer
      Given an org with default settings
      And a loyalty customer "Asha" registered through INSTORE with these details:
        | mobile            | M1                   |
        | first name        | Asha                 |
        | last name         | Rao                  |
        | registration date | 2024-03-15T10:00:00Z |
      When the customer details of "Asha" are read
      Then the request succeeds
      And the INSTORE profile of "Asha" shows the first name "Asha"
      And the INSTORE profile of "Asha" shows the last name "Rao"
      And "Asha" shows the registration date 2024-03-15T10:00:00Z

  Rule: The view shows the loyalty status

    @seed:002 @req:002-05
    Scenario Outline: A <loyalty type> customer shows as <loyalty type>
      Given an org with default settings
      And a <loyalty type> customer "Asha" registered through INSTORE with mobile M1
      When the customer details of "Asha" are read
      Then the request succeeds
      And "Asha" is a <loyalty type> customer

      Examples:
        | loyalty type |
        | loyalty      |
        | non-loyalty  |

  Rule: Reachable on shows the channels available for the customer

    # Reachable on is neither the list of identifier types nor the list of channels sent: an external ID
    # is not a channel, and a mobile or email the customer holds is one even without a channel entry.
    @seed:002 @req:002-09
    Scenario: A customer who shared an email address is reachable on email
      Given an org with these settings:
        | setting                                      | value  |
        | CONF_REGISTRATION_PRIMARY_KEY                | mobile |
        | CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS | true   |
      And a loyalty customer "Asha" registered through INSTORE with external id X1 and email E1
      Then "Asha" is reachable on email only

    # Ruling 24: seed 002 "if a customer has logged in to the org's app, we capture the Android or iOS device
    # ID. A mobile push icon will be shown." Reachable on lists the channel type as registered (android); the
    # mobile push icon is how Member Care draws it.
    @seed:002 @req:002-09
    Scenario: A customer who logged in to the org's app is reachable on that device
      Given an org with default settings
      And a loyalty customer "Asha" registered through MOBILE_APP account "app-1" with these details:
        | mobile          | M1                     |
        | android channel | android-device-token-1 |
      Then "Asha" is reachable on android and mobile only

    @seed:002 @req:002-10
    Scenario: A customer registered with an external ID only has no channels
      Given an org with these settings:
        | setting                       | value      |
        | CONF_REGISTRATION_PRIMARY_KEY | externalId |
      And a loyalty customer "Asha" registered through INSTORE with external id X1
      Then "Asha" is reachable on no channel
      And the INSTORE profile of "Asha" has no communication channels
