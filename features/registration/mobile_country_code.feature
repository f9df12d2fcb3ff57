Feature: Completing the country code of a mobile number
  An org can let mobile numbers arrive without their country code: the platform tries the base
  country's code first, then each supported country's, and keeps the first that makes a valid number.
  Without the setting, a mobile number must carry its country code.

  # The org is based in India (IN) and also supports Singapore (SG). M1 is an Indian mobile number and
  # S1 a Singapore one; "without its country code" sends the national number only.
  Rule: CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED: the base country code first, then the supported ones

    @seed:000 @seed:001 @req:000-27 @req:001-18
    Scenario Outline: A <country> number typed without its country code is completed
      Given an org with these settings:
        | setting                                | value  |
        | CONF_REGISTRATION_PRIMARY_KEY          | mobile |
        | CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED | true   |
        | base country                           | IN     |
        | supported countries                    | SG     |
      When a loyalty registration arrives through INSTORE with the mobile <mobile> typed without its country code
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has mobile <mobile>

      Examples:
        | country   | mobile |
        | Indian    | M1     |
        | Singapore | S1     |

    @seed:000 @seed:001 @req:000-27 @req:001-18
    Scenario: A number that already carries its country code is kept as it is
      Given an org with these settings:
        | setting                                | value  |
        | CONF_REGISTRATION_PRIMARY_KEY          | mobile |
        | CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED | true   |
        | base country                           | IN     |
        | supported countries                    | SG     |
      When a loyalty registration arrives through INSTORE with mobile S1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has mobile S1

    @seed:000 @seed:001 @req:000-27 @req:001-18
    Scenario: Without the setting a number lacking its country code is refused
      Given an org with these settings:
        | setting                                | value  |
        | CONF_REGISTRATION_PRIMARY_KEY          | mobile |
        | CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED | false  |
        | base country                           | IN     |
      When a loyalty registration arrives through INSTORE with the mobile M1 typed without its country code
      Then the request is refused with error 8014
      And no customer is found with mobile M1
