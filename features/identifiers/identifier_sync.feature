Feature: Synchronising identifiers between Instore and other source profiles
  A customer who also has a profile from another source (such as WebEngage) keeps identifiers in each
  profile. An org can have an identifier change made through Instore reach the other profiles too.

  # The change is made through INSTORE, standing for "the identifier change request made from Membercare".
  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: CONF_IDENTIFIERS_SYNC_ENABLED: an Instore identifier change updates the other source profiles too

    @seed:000 @seed:001 @req:000-24 @req:001-17
    Scenario: With synchronisation the WebEngage profile of a customer without an external id takes the new email
      Given the org setting CONF_IDENTIFIERS_SYNC_ENABLED is true
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And "Asha" also registered through WEB_ENGAGE account "we-1" with mobile M1 and email E1
      When "Asha" changes its email from E1 to E2 through INSTORE
      Then the request succeeds
      And the INSTORE profile of "Asha" shows email E2
      And the WEB_ENGAGE account "we-1" profile of "Asha" shows email E2

    # The seed names all three: "any changes to identifiers (mobile/email, externalId) will update both the
    # Instore profile and the corresponding V2 profile identifiers".
    @seed:000 @seed:001 @req:000-24 @req:001-17
    Scenario Outline: With synchronisation the WebEngage profile takes the new <identifier>
      Given the org setting CONF_IDENTIFIERS_SYNC_ENABLED is true
      And a loyalty customer "Asha" registered through INSTORE with mobile M1, email E1 and external id X1
      And "Asha" also registered through WEB_ENGAGE account "we-1" with mobile M1, email E1 and external id X1
      When "Asha" changes its <identifier> from <old> to <new> through INSTORE
      Then the request succeeds
      And the INSTORE profile of "Asha" shows <identifier> <new>
      And the WEB_ENGAGE account "we-1" profile of "Asha" shows <identifier> <new>
      And "Asha" has <identifier> <new>

      Examples:
        | identifier  | old | new |
        | mobile      | M1  | M2  |
        | email       | E1  | E2  |
        | external id | X1  | X2  |

    @seed:000 @seed:001 @req:000-24 @req:001-17
    Scenario: With synchronisation an email removed through Instore leaves no profile with it
      Given the org setting CONF_IDENTIFIERS_SYNC_ENABLED is true
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And "Asha" also registered through WEB_ENGAGE account "we-1" with mobile M1 and email E1
      When "Asha" removes the email E1 through INSTORE
      Then the request succeeds
      And "Asha" has no email
      And the INSTORE profile of "Asha" shows no email
      And the WEB_ENGAGE account "we-1" profile of "Asha" shows no email
      And the INSTORE profile of "Asha" shows mobile M1
      And the WEB_ENGAGE account "we-1" profile of "Asha" shows mobile M1

    # Seed 000/001: synchronisation is for "the identifier change request made from Membercare" (Instore); a
    # change made through another source profile reaches that profile only.
    @seed:000 @seed:001 @req:000-24 @req:001-17
    Scenario: With synchronisation a change made through WebEngage reaches the WebEngage profile only
      Given the org setting CONF_IDENTIFIERS_SYNC_ENABLED is true
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And "Asha" also registered through WEB_ENGAGE account "we-1" with mobile M1 and email E1
      When "Asha" changes its email from E1 to E2 through WEB_ENGAGE account "we-1"
      Then the request succeeds
      And "Asha" has email E2
      And the WEB_ENGAGE account "we-1" profile of "Asha" shows email E2
      And the INSTORE profile of "Asha" shows email E1

    @seed:000 @seed:001 @req:000-24 @req:001-17
    Scenario: Without synchronisation the WebEngage profile keeps the old email
      Given the org setting CONF_IDENTIFIERS_SYNC_ENABLED is false
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And "Asha" also registered through WEB_ENGAGE account "we-1" with mobile M1 and email E1
      When "Asha" changes its email from E1 to E2 through INSTORE
      Then the request succeeds
      And the INSTORE profile of "Asha" shows email E2
      And the WEB_ENGAGE account "we-1" profile of "Asha" shows email E1

    @seed:000 @seed:001 @req:000-26 @req:001-17
    Scenario: Synchronisation is off by default
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And "Asha" also registered through WEB_ENGAGE account "we-1" with mobile M1 and email E1
      When "Asha" changes its email from E1 to E2 through INSTORE
      Then the request succeeds
      And the WEB_ENGAGE account "we-1" profile of "Asha" shows email E1
