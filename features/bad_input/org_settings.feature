Feature: Org settings the platform does not know
  An org is set up with the documented settings only. A setting the platform does not know, or a value a
  setting cannot take, is refused with a code that names the problem, so that a typo never leaves an org
  silently running on defaults.

  # Org setup is the contract's test-control extension; a target without it cannot run these scenarios.
  Rule: Only documented settings with values they can take set up an org

    @seed:contract @req:contract-12
    Scenario: An unknown setting is refused
      When an org is requested with these settings:
        | setting                       | value  |
        | CONF_REGISTRATION_PRIMARY_KEY | mobile |
        | CONF_NOT_A_SETTING            | true   |
      Then the request is refused with error 8206
      And the error message mentions "CONF_NOT_A_SETTING"

    @seed:contract @req:contract-12
    Scenario Outline: <setting> set to <value> is refused
      When an org is requested with these settings:
        | setting   | value   |
        | <setting> | <value> |
      Then the request is refused with error 8207
      And the error message mentions "<setting>"

      Examples:
        | setting                               | value                          |
        | CONF_REGISTRATION_PRIMARY_KEY         | shoeSize                       |
        | CONF_ALLOW_MOBILE_UPDATE              | sometimes                      |
        | CONF_MIN_REGISTRATION_DATE            | last-week                      |
        | CONF_LOYALTY_TIERS                    | Gold:100,Platinum:500          |
        | CONF_LOYALTY_TIERS                    | Silver:0,Gold:500,Platinum:500 |
        | CONF_LOYALTY_TIERS                    | Silver:0,Gold:500,Platinum:400 |
        | CONF_LOYALTY_TIERS                    | Silver:0,Gold:500,silver:900   |
        | CONF_LOYALTY_TIERS                    | Silver:0,Gold                  |
        | CONF_LOYALTY_TIERS                    | Silver:0,:500                  |
        | CONF_LOYALTY_PROGRAMS                 | Fashion,fashion                |
        | CONF_LOYALTY_PROGRAMS                 | Fashion,#Beauty                |
        | CONF_LOYALTY_POINTS_EXPIRY_DAYS       | -1                             |
        | CONF_LOYALTY_REFERRER_POINTS          | 2.5                            |
        | CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT | ten                            |

    @seed:contract @req:contract-12
    Scenario: Documented settings with valid values set up an org
      When an org is requested with these settings:
        | setting                       | value                |
        | CONF_REGISTRATION_PRIMARY_KEY | email                |
        | CONF_ALLOW_MOBILE_UPDATE      | false                |
        | CONF_MIN_REGISTRATION_DATE    | 2024-01-01T00:00:00Z |
      Then the request succeeds
