Feature: Secondary identifier matches without a primary identifier match
  When the incoming primary identifier is new but a secondary identifier belongs to an existing
  customer, an org can refuse the registration (strict check) or ignore the secondary identifier and
  create a new customer with the primary identifier (skip secondary).

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |
      | CONF_USERS_IS_EMAIL_UNIQUE    | true   |

  Rule: CONF_PRIMARY_IDENTIFIER_STRICT_CHECK: a secondary match in another account without the primary is an error

    # Ruling 5: the refusal names the reason (error 8075) and nothing changes.
    @seed:000 @seed:001 @req:000-19 @req:001-11
    Scenario: A known email with a new mobile is refused
      Given the org setting CONF_PRIMARY_IDENTIFIER_STRICT_CHECK is true
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When a loyalty registration arrives through INSTORE with email E1 and mobile M2
      Then the request is refused with error 8075
      And "Asha" has email E1 and mobile M1
      And no customer is found with mobile M2

  Rule: CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH: a new customer is created with the primary identifier only

    # Ruling 2: the seeds 000/001 name and the seed 004 name (CONF_SKIP_SECONDARY) are one switch.
    @seed:000 @seed:001 @req:000-20 @req:001-12
    Scenario Outline: A known email with a new mobile creates a new customer (<setting>)
      Given the org setting <setting> is true
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When a loyalty registration arrives through INSTORE with email E1 and mobile M2
      # Ruling 11: the answer names the secondary identifier it ignored.
      Then the request succeeds with warning 8210
      And the warning 8210 mentions "email"
      And the request created a new customer "New customer"
      And "New customer" has mobile M2
      And "New customer" has no email
      And "Asha" has email E1 and mobile M1
      And "Asha" is not merged

      Examples:
        | setting                                    |
        | CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH |
        | CONF_SKIP_SECONDARY                        |
