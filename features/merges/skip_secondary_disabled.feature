Feature: Merging user data when CONF_SKIP_SECONDARY is disabled
  When an org leaves CONF_SKIP_SECONDARY off, the incoming user data of a transaction or a registration
  is matched on the primary identifier and on every other identifier. A campaign user that shares an
  identifier with the incoming data is updated or merged with the loyalty user, and where the survivor
  has an empty identifier it takes the victim's value.

  # Seed 004 builds every example on an org whose primary identifier is mobile. Its examples match users
  # by email, so the org keeps email unique (the platform's default, stated here so the reader sees it).
  # Where an example has a user without a mobile (E1 and NULL), the org also allows registration from
  # any identifier, only so that this user can be set up; the example does not depend on it.
  # Ruling 4: "Incoming transaction user data" is the customer part of a request, not a customer; each
  # example therefore runs once as a transaction and once as a registration.
  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |
      | CONF_USERS_IS_EMAIL_UNIQUE    | true   |
      | CONF_SKIP_SECONDARY           | false  |
    And the user types of the seed:
      | Type of User  | loyalty type |
      | Campaign user | non-loyalty  |
      | Loyalty user  | loyalty      |

  Rule: Without a primary identifier match, a secondary identifier match updates the matching user

    @seed:004 @req:004-01 @req:004-02 @req:004-03 @req:004-04
    Scenario Outline: Example 1: the campaign user takes the incoming mobile (<request>)
      Given the users of the example:
        | Type of User                   | EMAIL | MOBILE |
        | Campaign user                  | E1    | M1     |
        | Incoming transaction user data | E1    | M2     |
      When the incoming transaction user data arrives in a loyalty <request>
      Then the request succeeds
      And the incoming request was matched to "Campaign user"
      # The seed states the result in prose only: "will be updated to Email: E1, Mobile: M2".
      And the users are:
        | Type of User  | EMAIL | MOBILE |
        | Campaign user | E1    | M2     |

      Examples:
        | request      |
        | transaction  |
        | registration |

    @seed:004 @seed:000 @req:004-05 @req:000-08
    Scenario Outline: Example 1: the payload decides whether the updated user is loyalty or non-loyalty (<payload>)
      Given the users of the example:
        | Type of User                   | EMAIL | MOBILE |
        | Campaign user                  | E1    | M1     |
        | Incoming transaction user data | E1    | M2     |
      When the incoming transaction user data arrives in a <payload> transaction
      Then the request succeeds
      And "Campaign user" is a <payload> customer

      Examples:
        | payload     |
        | loyalty     |
        | non-loyalty |

  Rule: Users matched on different identifiers are merged, the loyalty user survives

    # Ruling 3: the loyalty user survives; its NULL identifiers take the victim's values and the victim
    # loses them; the victim keeps its other identifiers.
    @seed:004 @req:004-03 @req:004-06 @req:004-07
    Scenario Outline: Example 2: campaign user matched on email, loyalty user on mobile (<request>)
      Given the users of the example:
        | Type of User                   | EMAIL | MOBILE |
        | Campaign User                  | E1    | M1     |
        | Loyalty User                   | NULL  | M2     |
        | Incoming transaction user data | E1    | M2     |
      When the incoming transaction user data arrives in a loyalty <request>
      Then the request succeeds
      And the incoming request was matched to "Loyalty User"
      And "Campaign User" is merged into "Loyalty User"
      And the users are:
        | Type of User  | EMAIL | MOBILE |
        | Campaign User | NULL  | M1     |
        | Loyalty User  | E1    | M2     |

      Examples:
        | request      |
        | transaction  |
        | registration |

    @seed:004 @req:004-03 @req:004-08 @req:004-09
    Scenario Outline: Example 3: campaign user matched on mobile, loyalty user on email (<request>)
      Given the org setting CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS is true
      And the users of the example:
        | Type of User                   | EMAIL | MOBILE |
        | Campaign User                  | NULL  | M2     |
        | Loyalty User                   | E1    | NULL   |
        | Incoming transaction user data | E1    | M2     |
      When the incoming transaction user data arrives in a loyalty <request>
      Then the request succeeds
      And the incoming request was matched to "Loyalty User"
      And "Campaign User" is merged into "Loyalty User"
      And the users are:
        | Type of User  | EMAIL | MOBILE |
        | Campaign User | NULL  | NULL   |
        | Loyalty User  | E1    | M2     |

      Examples:
        | request      |
        | transaction  |
        | registration |
