Feature: Email uniqueness and external ID capture
  An org decides whether an email identifies one customer only (so a known email leads to the same
  account) and whether external IDs are captured at all.

  Rule: CONF_USERS_IS_EMAIL_UNIQUE: a registered email leads to the account that holds it

    @seed:000 @seed:001 @req:000-12 @req:001-04
    Scenario: With unique emails, a known email with a new mobile updates the existing account
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_IS_EMAIL_UNIQUE    | true   |
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When a loyalty registration arrives through INSTORE with email E1 and mobile M2
      Then the request succeeds
      And the request's customer is "Asha"
      And "Asha" has email E1 and mobile M2

    @seed:000 @seed:001 @req:000-12 @req:001-04
    Scenario: With unique emails, accounts that share the email are merged automatically
      Given an org with these settings:
        | setting                                      | value  |
        | CONF_REGISTRATION_PRIMARY_KEY                | mobile |
        | CONF_USERS_IS_EMAIL_UNIQUE                   | true   |
        | CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS | true   |
      And a non-loyalty customer "Campaign" registered through INSTORE with email E1
      And a loyalty customer "Member" registered through INSTORE with mobile M1
      When a loyalty transaction arrives through INSTORE with email E1 and mobile M1
      Then the request succeeds
      And the request's customer is "Member"
      And "Campaign" is merged into "Member"
      And "Member" has email E1 and mobile M1

    @seed:000 @seed:001 @req:000-12 @req:001-04
    Scenario: Without unique emails, the same email does not lead to the existing account
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_IS_EMAIL_UNIQUE    | false  |
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When a loyalty registration arrives through INSTORE with email E1 and mobile M2
      Then the request succeeds
      And the request created a new customer "Second"
      And "Asha" has email E1 and mobile M1
      And "Second" has mobile M2

    # Ruling 19: a lookup by an identifier that several live customers hold answers with the oldest.
    @seed:000 @seed:001 @req:000-12 @req:001-04 @seed:contract @req:contract-07
    Scenario: Without unique emails, a lookup by a shared email finds the customer who registered first
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_IS_EMAIL_UNIQUE    | false  |
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      And a loyalty customer "Ben" registered through INSTORE with email E1 and mobile M2
      Then looking up the email E1 through INSTORE finds "Asha"

    # Ruling 19: the oldest of the customers, whichever of them took the email first.
    @seed:000 @seed:001 @req:000-12 @req:001-04 @seed:contract @req:contract-07
    Scenario: Without unique emails, a lookup by a shared email finds the customer who registered first, though it took the email last
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_IS_EMAIL_UNIQUE    | false  |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with email E1 and mobile M2
      When "Asha" adds the email E1 through INSTORE
      Then the request succeeds
      And "Ben" has email E1
      And looking up the email E1 through INSTORE finds "Asha"

  Rule: CONF_USERS_USE_EXTERNAL_ID: external IDs are captured only when the org uses them

    @seed:000 @seed:001 @req:000-13 @req:001-05
    Scenario: The external ID is captured
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_USE_EXTERNAL_ID    | true   |
      When a loyalty registration arrives through INSTORE with mobile M1 and external id X1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has mobile M1 and external id X1

    # Seed 002 adds that Member Care shows only org-supported identifiers. Ruling 11: seed 000 "Check this to
    # capture the external ID of customers while registering"; without it the external ID is not captured,
    # and the answer names what it ignored (warning 8210) so a run can tell dropped data from lost data.
    @seed:000 @seed:001 @seed:002 @req:000-13 @req:001-05 @req:002-07
    Scenario: Without the setting the external ID is ignored with a warning
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_USE_EXTERNAL_ID    | false  |
      When a loyalty registration arrives through INSTORE with mobile M1 and external id X1
      Then the request succeeds with warning 8210
      And the request created a new customer "Asha"
      And "Asha" has mobile M1
      And "Asha" has no external id

    # The setting captures the external ID "while registering"; it cannot switch off the org's primary
    # identifier: an org whose primary identifier is the external ID registers its customers by it.
    @seed:000 @req:000-13
    Scenario: An external ID that is the primary identifier is captured without the setting
      Given an org with these settings:
        | setting                       | value      |
        | CONF_REGISTRATION_PRIMARY_KEY | externalId |
        | CONF_USERS_USE_EXTERNAL_ID    | false      |
      When a loyalty registration arrives through INSTORE with external id X1 and mobile M1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has external id X1 and mobile M1
