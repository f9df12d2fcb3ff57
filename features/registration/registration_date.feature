Feature: Minimum registration date
  An org can set the earliest date and time from which registrations are valid; a registration dated
  before it fails, especially when it comes through the API or a data import.

  Background:
    Given an org with these settings:
      | setting                       | value                |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile               |
      | CONF_MIN_REGISTRATION_DATE    | 2024-01-01T00:00:00Z |

  Rule: CONF_MIN_REGISTRATION_DATE: a registration dated before the minimum fails

    @seed:000 @seed:001 @req:000-21 @req:001-14
    Scenario: A registration dated one second before the minimum is refused
      When a loyalty registration dated 2023-12-31T23:59:59Z arrives through INSTORE with mobile M1
      Then the request is refused with error 8017
      And no customer is found with mobile M1

    @seed:000 @seed:001 @req:000-21 @req:001-14
    Scenario Outline: A registration dated <date> is accepted
      When a loyalty registration dated <date> arrives through INSTORE with mobile M1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" shows the registration date <date>

      Examples:
        | date                 |
        | 2024-01-01T00:00:00Z |
        | 2024-06-15T09:30:00Z |
