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
    Scenario Outline: An org whose <setting> names <value>, no country with a telephone numbering plan, is refused
      When an org is requested with these settings:
        | setting   | value   |
        | <setting> | <value> |
      Then the request is refused with error 8207

      Examples:
        | setting             | value |
        | base country        | XX    |
        | supported countries | SG,XX |

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

    # The contract's OrgConfigs: a client sends each value as JSON, so a setting may arrive as a number, a
    # string, a list or null. Booleans also take "true"/"false"/"1"/"0" in any case, and 1/0 (seed 001: "0
    # disable, 1 enable"); numbers and card-number prefixes may come as text or as numbers.
    @seed:contract @req:contract-12
    Scenario Outline: <setting> given as the JSON value <value> sets up an org
      When an org is requested with <setting> set to the JSON value <value>
      Then the request succeeds

      Examples:
        | setting                            | value                            |
        | CONF_ALLOW_MOBILE_UPDATE           | 1                                |
        | CONF_ALLOW_MOBILE_UPDATE           | 0                                |
        | CONF_ALLOW_MOBILE_UPDATE           | "True"                           |
        | CONF_ALLOW_MOBILE_UPDATE           | " FALSE "                        |
        | CONF_ALLOW_MOBILE_UPDATE           | "1"                              |
        | CONF_REGISTRATION_PRIMARY_KEY      | " Email "                        |
        | CONF_MIN_REGISTRATION_DATE         | null                             |
        | CONF_MIN_REGISTRATION_DATE         | ""                               |
        | CONF_CARD_NUMBER_LENGTH            | " 16 "                           |
        | CONF_CARD_NUMBER_OFFSET            | "-5"                             |
        | CONF_CARD_NUMBER_PREFIX            | 4111                             |
        | CONF_CARD_NUMBER_PREFIX            | " BRAND20 "                      |
        | CONF_ORG_TIMEZONE                  | " Asia/Kolkata "                 |
        | CONF_SMS_SENDER_IDS                | "MEMBRS, SHOPX,"                 |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | ["INSTORE:", "web_engage:1234"]  |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | "[\"INSTORE:\"]"                 |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | "\" INSTORE:\""                  |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | "INSTORE: "                      |
        | CONF_LOYALTY_PROGRAMS              | "Fashion, Beauty"                |
        | CONF_LOYALTY_TIERS                 | " Silver:0 , Gold : 1000 "       |
        | CONF_LOYALTY_REFERRER_POINTS       | " 100 "                          |
        | CONF_LOYALTY_REFERRER_POINTS       | 100                              |

    @seed:contract @req:contract-12
    Scenario Outline: <setting> given as the JSON value <value> is refused
      When an org is requested with <setting> set to the JSON value <value>
      Then the request is refused with error 8207
      And the error message mentions "<setting>"

      Examples:
        | setting                            | value                  |
        | CONF_ALLOW_MOBILE_UPDATE           | 2                      |
        | CONF_ALLOW_MOBILE_UPDATE           | "yes"                  |
        | CONF_ALLOW_MOBILE_UPDATE           | null                   |
        | CONF_ALLOW_MOBILE_UPDATE           | ["1"]                  |
        | CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT | "many"              |
        | CONF_LOYALTY_REFERRER_POINTS       | 2.5                    |
        | CONF_LOYALTY_TIERS                 | 5                      |
        | CONF_LOYALTY_PROGRAMS              | 5                      |
        | CONF_LOYALTY_PROGRAMS              | ""                     |
        | CONF_LOYALTY_TIERS                 | "Silver:0,Gold:Platinum:500" |
        | CONF_LOYALTY_TIERS                 | "Silver:0,Gold:500pts" |
        | CONF_LOYALTY_REFERRER_POINTS       | "  "                   |
        | CONF_LOYALTY_REFERRER_POINTS       | null                   |
        | CONF_LOYALTY_POINTS_EXPIRY_DAYS    | true                   |
        | CONF_REGISTRATION_PRIMARY_KEY      | 5                      |
        | CONF_MIN_REGISTRATION_DATE         | ["2024-01-01"]         |
        | CONF_MIN_REGISTRATION_DATE         | "2024-01-1"            |
        | CONF_MIN_REGISTRATION_DATE         | "Sun 2024-01-01"       |
        | CONF_MIN_REGISTRATION_DATE         | "2024-13-45"           |
        | CONF_CARD_NUMBER_LENGTH            | true                   |
        | CONF_CARD_NUMBER_LENGTH            | [16]                   |
        | CONF_CARD_NUMBER_PREFIX            | -5                     |
        | CONF_CARD_NUMBER_PREFIX            | true                   |
        | CONF_CARD_NUMBER_PREFIX            | "BRAND-20"             |
        | CONF_ORG_TIMEZONE                  | 5                      |
        | CONF_ORG_TIMEZONE                  | ""                     |
        | CONF_SMS_SENDER_IDS                | 5                      |
        | CONF_SMS_SENDER_IDS                | "MEMBRS, SHOP-X"       |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | true                   |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | "[]"                   |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | "[\"INSTORE:\", 5]"    |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | "[INSTORE:"            |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | "\"NOSUCHSOURCE:\""    |

    # Ruling 2: seed 004 calls the skip switch CONF_SKIP_SECONDARY; both names set the same switch, so they
    # cannot be given different values.
    @seed:004 @req:004-01 @seed:contract @req:contract-12
    Scenario: The two names of the skip switch must agree
      When an org is requested with these settings:
        | setting                                   | value |
        | CONF_SKIP_SECONDARY                       | true  |
        | CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH | false |
      Then the request is refused with error 8207
      When an org is requested with these settings:
        | setting                                   | value |
        | CONF_SKIP_SECONDARY                       | true  |
        | CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH | true  |
      Then the request succeeds
