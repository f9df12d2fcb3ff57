Feature: Primary and mandatory identifiers at registration
  Each org chooses its primary identifier (mobile, email or external ID); a registration must carry it
  unless the org allows registration from any identifier. Other settings make email, mobile or external
  ID mandatory as well.

  Rule: CONF_REGISTRATION_PRIMARY_KEY: the primary identifier is required for registration

    @seed:000 @seed:001 @req:000-09 @req:001-01
    Scenario Outline: A registration without the primary identifier <primary key> is refused
      Given an org with these settings:
        | setting                       | value         |
        | CONF_REGISTRATION_PRIMARY_KEY | <primary key> |
      When a loyalty registration arrives through INSTORE with <other identifiers>
      Then the request is refused with error 8205
      And no customer is found with <other identifiers>

      Examples:
        | primary key | other identifiers            |
        | mobile      | email E1 and external id X1  |
        | email       | mobile M1 and external id X1 |
        | externalId  | mobile M1 and email E1       |

    @seed:000 @seed:001 @req:000-09 @req:001-01
    Scenario: The refusal names the missing field
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
      When a loyalty registration arrives through INSTORE with email E1
      Then the request is refused with error 8205
      And the error message mentions "Field mobile is mandatory"
      And no customer is found with email E1

    @seed:000 @seed:001 @req:000-09 @req:001-01
    Scenario Outline: A registration with the primary identifier <primary key> creates the customer
      Given an org with these settings:
        | setting                       | value         |
        | CONF_REGISTRATION_PRIMARY_KEY | <primary key> |
      When a loyalty registration arrives through INSTORE with <identifier>
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has <identifier>

      Examples:
        | primary key | identifier     |
        | mobile      | mobile M1      |
        | email       | email E1       |
        | externalId  | external id X1 |

  Rule: CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: any one identifier is enough

    @seed:000 @seed:001 @req:000-10 @req:001-02
    Scenario: Registering with only an email when mobile is the primary identifier
      Given an org with these settings:
        | setting                                      | value  |
        | CONF_REGISTRATION_PRIMARY_KEY                | mobile |
        | CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS | true   |
      When a loyalty registration arrives through INSTORE with email E1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has email E1
      And "Asha" has no mobile

    # The email leads to the customer who holds it (CONF_USERS_IS_EMAIL_UNIQUE); a registration that gives no
    # mobile takes nothing away from her.
    @seed:000 @seed:001 @req:000-10 @req:001-02 @req:000-12
    Scenario: A registration with only a known email joins the customer who holds it and keeps her mobile
      Given an org with these settings:
        | setting                                      | value  |
        | CONF_REGISTRATION_PRIMARY_KEY                | mobile |
        | CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS | true   |
        | CONF_USERS_IS_EMAIL_UNIQUE                   | true   |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      When a loyalty registration arrives through WEBSITE with email E1
      Then the request succeeds
      And the request's customer is "Asha"
      And "Asha" has mobile M1 and email E1

    @seed:000 @seed:001 @req:000-10 @req:001-02
    Scenario: Without the setting, a registration with only an email is refused
      Given an org with these settings:
        | setting                                      | value  |
        | CONF_REGISTRATION_PRIMARY_KEY                | mobile |
        | CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS | false  |
      When a loyalty registration arrives through INSTORE with email E1
      Then the request is refused with error 8205
      And no customer is found with email E1

  Rule: CONF_USERS_IS_EMAIL_REQUIRED: email is mandatory

    @seed:000 @seed:001 @req:000-11 @req:001-03
    Scenario: A registration without an email is refused
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_IS_EMAIL_REQUIRED  | true   |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request is refused with error 8205
      And no customer is found with mobile M1

    @seed:000 @seed:001 @req:000-11 @req:001-03
    Scenario: A registration with an email is accepted
      Given an org with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_USERS_IS_EMAIL_REQUIRED  | true   |
      When a loyalty registration arrives through INSTORE with mobile M1 and email E1
      Then the request succeeds

  Rule: CONF_USERS_IS_EXTERNAL_ID_REQUIRED: external ID is mandatory, not applicable when it is the primary identifier

    @seed:000 @seed:001 @req:000-14 @req:001-06
    Scenario: A registration without an external ID is refused
      Given an org with these settings:
        | setting                            | value  |
        | CONF_REGISTRATION_PRIMARY_KEY      | mobile |
        | CONF_USERS_IS_EXTERNAL_ID_REQUIRED | true   |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request is refused with error 8205
      And no customer is found with mobile M1

    @seed:000 @seed:001 @req:000-14 @req:001-06
    Scenario: A registration with an external ID is accepted
      Given an org with these settings:
        | setting                            | value  |
        | CONF_REGISTRATION_PRIMARY_KEY      | mobile |
        | CONF_USERS_IS_EXTERNAL_ID_REQUIRED | true   |
      When a loyalty registration arrives through INSTORE with mobile M1 and external id X1
      Then the request succeeds

    # Ruling 13: seed 000 "Not applicable if the external ID is the primary identifier" means the setting
    # adds nothing then; with registration from any identifier, a registration without an external ID succeeds.
    @seed:000 @seed:001 @req:000-14 @req:001-06
    Scenario: The setting does not apply when external ID is the primary identifier
      Given an org with these settings:
        | setting                                      | value      |
        | CONF_REGISTRATION_PRIMARY_KEY                | externalId |
        | CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS | true       |
        | CONF_USERS_IS_EXTERNAL_ID_REQUIRED           | true       |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request succeeds

  Rule: CONF_USERS_IS_MOBILE_REQUIRED: mobile is mandatory, not applicable when it is the primary identifier

    @seed:000 @seed:001 @req:000-15 @req:001-07
    Scenario: A registration without a mobile is refused
      Given an org with these settings:
        | setting                       | value |
        | CONF_REGISTRATION_PRIMARY_KEY | email |
        | CONF_USERS_IS_MOBILE_REQUIRED | true  |
      When a loyalty registration arrives through INSTORE with email E1
      Then the request is refused with error 8205
      And no customer is found with email E1

    @seed:000 @seed:001 @req:000-15 @req:001-07
    Scenario: A registration with a mobile is accepted
      Given an org with these settings:
        | setting                       | value |
        | CONF_REGISTRATION_PRIMARY_KEY | email |
        | CONF_USERS_IS_MOBILE_REQUIRED | true  |
      When a loyalty registration arrives through INSTORE with email E1 and mobile M1
      Then the request succeeds

    # Ruling 13: seed 000 "Not applicable if mobile is the primary identifier": the setting adds nothing then.
    @seed:000 @seed:001 @req:000-15 @req:001-07
    Scenario: The setting does not apply when mobile is the primary identifier
      Given an org with these settings:
        | setting                                      | value  |
        | CONF_REGISTRATION_PRIMARY_KEY                | mobile |
        | CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS | true   |
        | CONF_USERS_IS_MOBILE_REQUIRED                | true   |
      When a loyalty registration arrives through INSTORE with email E1
      Then the request succeeds
