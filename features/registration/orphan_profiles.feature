Feature: Restricting orphan profiles from other sources
  An org can refuse WebEngage (and other non-InStore) profiles of people who have no InStore profile yet,
  so that every customer starts in the store.

  Rule: CONF_RESTRICT_ORPHAN_V2_PROFILE: no WebEngage profile without an existing Instore profile

    # Ruling 5: the refusal is explicit (error 8090) and nothing is created.
    @seed:000 @seed:001 @req:000-28 @req:001-19
    Scenario: A WebEngage profile for an unknown person is refused
      Given an org with these settings:
        | setting                         | value  |
        | CONF_REGISTRATION_PRIMARY_KEY   | mobile |
        | CONF_RESTRICT_ORPHAN_V2_PROFILE | true   |
      When a loyalty registration arrives through WEB_ENGAGE account "we-1" with mobile M1
      Then the request is refused with error 8090
      And no customer is found with mobile M1

    @seed:000 @seed:001 @req:000-28 @req:001-19
    Scenario: A WebEngage profile for a customer with an Instore profile is accepted
      Given an org with these settings:
        | setting                         | value  |
        | CONF_REGISTRATION_PRIMARY_KEY   | mobile |
        | CONF_RESTRICT_ORPHAN_V2_PROFILE | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a loyalty registration arrives through WEB_ENGAGE account "we-1" with mobile M1
      Then the request succeeds
      And the request's customer is "Asha"
      And "Asha" has these source profiles:
        | source     | account |
        | INSTORE    |         |
        | WEB_ENGAGE | we-1    |

    @seed:000 @seed:001 @req:000-28 @req:001-19
    Scenario: A WebEngage profile for a customer with an Instore profile among others is accepted
      Given an org with these settings:
        | setting                         | value  |
        | CONF_REGISTRATION_PRIMARY_KEY   | mobile |
        | CONF_RESTRICT_ORPHAN_V2_PROFILE | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" also registered through WEBSITE with mobile M1
      When a loyalty registration arrives through WEB_ENGAGE account "we-1" with mobile M1
      Then the request succeeds
      And the request's customer is "Asha"

    @seed:000 @seed:001 @req:000-28 @req:001-19
    Scenario: Without the setting a WebEngage profile may start a customer
      Given an org with these settings:
        | setting                         | value  |
        | CONF_REGISTRATION_PRIMARY_KEY   | mobile |
        | CONF_RESTRICT_ORPHAN_V2_PROFILE | false  |
      When a loyalty registration arrives through WEB_ENGAGE account "we-1" with mobile M1
      Then the request succeeds
      And the request created a new customer "Asha"
