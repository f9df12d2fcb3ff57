Feature: Updating a registered customer's identifiers
  An org decides separately whether registered mobile numbers, email IDs and external IDs may be changed.
  A change that adds nothing new is answered with a warning, and a change with nothing in it is refused.

  Rule: CONF_ALLOW_MOBILE_UPDATE, CONF_ALLOW_EMAIL_UPDATE and CONF_LOYALTY_ALLOW_EXTERNAL_ID_UPDATE allow each change

    @seed:000 @seed:001 @req:000-16 @req:001-08 @req:000-17 @req:001-09 @req:000-18 @req:001-10
    Scenario Outline: Changing the <identifier> when the org allows it
      Given an org with these settings:
        | setting                       | value      |
        | CONF_REGISTRATION_PRIMARY_KEY | externalId |
        | <setting>                     | true       |
      And a loyalty customer "Asha" registered through INSTORE with external id X1, mobile M1 and email E1
      When "Asha" changes its <identifier> from <old> to <new> through INSTORE
      Then the request succeeds
      And "Asha" has <identifier> <new>
      And looking up the <identifier> <new> through INSTORE finds "Asha"

      Examples:
        | identifier | old | new | setting                  |
        | mobile     | M1  | M2  | CONF_ALLOW_MOBILE_UPDATE |
        | email      | E1  | E2  | CONF_ALLOW_EMAIL_UPDATE  |

    @seed:000 @seed:001 @req:000-18 @req:001-10
    Scenario: Changing the external ID when the org allows it
      Given an org with these settings:
        | setting                               | value  |
        | CONF_REGISTRATION_PRIMARY_KEY         | mobile |
        | CONF_LOYALTY_ALLOW_EXTERNAL_ID_UPDATE | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and external id X1
      When "Asha" changes its external id from X1 to X2 through INSTORE
      Then the request succeeds
      And "Asha" has external id X2
      And looking up the external id X2 through INSTORE finds "Asha"

    # Ruling 20: memberspec chose error 8204 for a change the org does not allow; the seeds name no code.
    @seed:000 @seed:001 @req:000-16 @req:001-08 @req:000-17 @req:001-09 @req:000-18 @req:001-10
    Scenario Outline: Changing the <identifier> is refused when the org does not allow it
      Given an org with these settings:
        | setting                       | value         |
        | CONF_REGISTRATION_PRIMARY_KEY | <primary key> |
        | <setting>                     | false         |
      And a loyalty customer "Asha" registered through INSTORE with <registered with>
      When "Asha" changes its <identifier> from <old> to <new> through INSTORE
      Then the request is refused with error 8204
      And "Asha" has <identifier> <old>
      And no customer is found with <identifier> <new>

      Examples:
        | identifier  | old | new | setting                               | primary key | registered with                        |
        | mobile      | M1  | M2  | CONF_ALLOW_MOBILE_UPDATE              | externalId  | external id X1, mobile M1 and email E1 |
        | email       | E1  | E2  | CONF_ALLOW_EMAIL_UPDATE               | externalId  | external id X1, mobile M1 and email E1 |
        | external id | X1  | X2  | CONF_LOYALTY_ALLOW_EXTERNAL_ID_UPDATE | mobile      | mobile M1, email E1 and external id X1 |

  Rule: A change must change something

    @seed:contract @req:contract-08
    Scenario Outline: Adding the <identifier> the customer already has is answered with warning <warning>
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1, email E1 and external id X1
      When "Asha" adds the <identifier> <value> through INSTORE
      Then the request succeeds with warning <warning>
      And "Asha" has <identifier> <value>

      Examples:
        | identifier  | value | warning |
        | mobile      | M1    | 8071    |
        | email       | E1    | 8072    |
        | external id | X1    | 8073    |

    @seed:contract @req:contract-08
    Scenario: A change with nothing to add or remove is refused
      Given an org with default settings
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When an identifier change with nothing to add or remove is sent for "Asha" through INSTORE
      Then the request is refused with error 8070
      And "Asha" has mobile M1

  Rule: A change touches only the identifiers it names, in the customer and in the source profile it came through

    @seed:000 @seed:001 @req:000-16 @req:001-08 @seed:contract @req:contract-08
    Scenario: Changing the mobile keeps the other identifiers of the source profile
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | email  |
        | CONF_ALLOW_MOBILE_UPDATE      | true   |
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When "Asha" changes its mobile from M1 to M2 through INSTORE
      Then the request succeeds
      And "Asha" has email E1 and mobile M2
      And the INSTORE profile of "Asha" shows email E1 and mobile M2

    @seed:000 @seed:001 @req:000-17 @req:001-09 @seed:contract @req:contract-08
    Scenario: Removing the email leaves the customer without one
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_ALLOW_EMAIL_UPDATE       | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      When "Asha" removes the email E1 through INSTORE
      Then the request succeeds
      And "Asha" has no email
      And "Asha" has mobile M1
      And the INSTORE profile of "Asha" shows mobile M1
      And no customer is found with email E1

    @seed:000 @seed:001 @req:000-17 @req:001-09 @seed:contract @req:contract-08
    Scenario: Removing an email the customer does not hold leaves the customer's email
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_ALLOW_EMAIL_UPDATE       | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      When "Asha" removes the email E2 through INSTORE
      Then "Asha" has email E1
      And the INSTORE profile of "Asha" shows email E1
      And looking up the email E1 through INSTORE finds "Asha"

    # Some brands use the email address as the external ID: a removal names a type and a value, and removes
    # only the identifier of that type.
    @seed:000 @seed:001 @req:000-17 @req:001-09 @seed:contract @req:contract-08
    Scenario: Removing the email keeps an external ID with the same value
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_ALLOW_EMAIL_UPDATE       | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1, email E1 and external id E1
      When "Asha" removes the email E1 through INSTORE
      Then the request succeeds
      And "Asha" has no email
      And "Asha" has external id E1
      And the INSTORE profile of "Asha" shows no email
      And the INSTORE profile of "Asha" shows mobile M1 and external id E1

    @seed:000 @seed:001 @req:000-16 @req:001-08 @req:000-17 @req:001-09 @seed:contract @req:contract-08
    Scenario: Adding an email and a mobile number in one change
      Given an org with these settings:
        | setting                       | value      |
        | CONF_REGISTRATION_PRIMARY_KEY | externalId |
        | CONF_ALLOW_MOBILE_UPDATE      | true       |
        | CONF_ALLOW_EMAIL_UPDATE       | true       |
      And a loyalty customer "Asha" registered through INSTORE with external id X1
      When "Asha" adds the email E1 and mobile M1 through INSTORE
      Then the request succeeds
      And "Asha" has external id X1, email E1 and mobile M1
      And the INSTORE profile of "Asha" shows external id X1, email E1 and mobile M1
      And looking up the mobile M1 through INSTORE finds "Asha"

    # No seed says what a change naming one type twice does (the reference refuses it with 8013, as it does two
    # WeChat ids); whatever a target does, the customer and the profile end with one and the same mobile.
    @seed:000 @seed:001 @req:000-16 @req:001-08 @seed:contract @req:contract-08
    Scenario: A change naming two mobile numbers leaves one mobile number
      Given an org with these settings:
        | setting                       | value |
        | CONF_REGISTRATION_PRIMARY_KEY | email |
        | CONF_ALLOW_MOBILE_UPDATE      | true  |
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When "Asha" adds the mobile M2 and mobile M3 through INSTORE
      Then the request succeeds or is refused, without a server error
      And the INSTORE profile of "Asha" shows one mobile, the one the customer has

    # The platform's documented error 8053: "Each identifier is registered with a different customer in other
    # source. Unable to merge accounts."
    @seed:contract @req:contract-08
    Scenario: A change whose new values two other customers hold is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through WEBSITE with mobile M2 and email E2
      And a loyalty customer "Carol" registered through WEBSITE with mobile M3 and email E3
      When "Asha" adds the email E2 and mobile M3 through INSTORE
      Then the request is refused with error 8053
      And "Asha" has mobile M1
      And "Asha" has no email
      And "Asha" is not merged

    @seed:contract @req:contract-08 @req:contract-02
    Scenario: An identifier change for a customer no one registered is refused
      When an identifier change adding the email E1 is sent for a customer no one registered through INSTORE
      Then the request is refused with error 8015
      And no customer is found with email E1

    # The platform's documented error 91005: "<identifier> is primary identifier and cannot be updated".
    @seed:000 @seed:001 @req:000-09 @req:001-01 @req:000-16 @req:001-08 @seed:contract @req:contract-08
    Scenario: The primary identifier cannot be removed
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_ALLOW_MOBILE_UPDATE      | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      When "Asha" removes the mobile M1 through INSTORE
      Then the request is refused with error 91005
      And "Asha" has mobile M1 and email E1
      And looking up the mobile M1 through INSTORE finds "Asha"

    @seed:000 @seed:001 @req:000-09 @req:001-01 @req:000-16 @req:001-08 @seed:contract @req:contract-08
    Scenario: The primary identifier cannot be removed in a change that adds another identifier
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_ALLOW_MOBILE_UPDATE      | true   |
        | CONF_ALLOW_EMAIL_UPDATE       | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" adds the email E1 and removes the mobile M1 in one change through INSTORE
      Then the request is refused with error 91005
      And "Asha" has mobile M1
      And "Asha" has no email
      And looking up the mobile M1 through INSTORE finds "Asha"

  Rule: A value that identifies one customer is not given to a second customer of the same source

    # contract-08: a value another customer of the same source holds is refused with 8007. An external ID
    # identifies one customer whatever the email setting; an email does when it is the primary identifier.
    @seed:000 @seed:001 @req:000-12 @req:001-04 @seed:contract @req:contract-08
    Scenario: Without unique emails, an external ID another Instore customer holds is refused
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_IS_EMAIL_UNIQUE    | false  |
      And a loyalty customer "Existing" registered through INSTORE with mobile M1 and external id X1
      And a loyalty customer "Changed" registered through INSTORE with mobile M2
      When "Changed" adds the external id X1 through INSTORE
      Then the request is refused with error 8007
      And "Changed" has no external id
      And looking up the external id X1 through INSTORE finds "Existing"

    @seed:000 @seed:001 @req:000-09 @req:001-01 @req:000-12 @req:001-04 @seed:contract @req:contract-08
    Scenario: With email as the primary identifier, an email another Instore customer holds is refused though emails are not unique
      Given an org with these settings:
        | setting                       | value |
        | CONF_REGISTRATION_PRIMARY_KEY | email |
        | CONF_USERS_IS_EMAIL_UNIQUE    | false |
      And a loyalty customer "Existing" registered through INSTORE with email E1
      And a loyalty customer "Changed" registered through INSTORE with email E2 and mobile M2
      When "Changed" adds the email E1 through INSTORE
      Then the request is refused with error 8007
      And "Changed" has email E2
      And looking up the email E1 through INSTORE finds "Existing"
