Feature: Customer attributes: custom fields and extended fields
  A registration may carry the org's custom fields (on the profile it comes through) and its extended
  fields (on the customer). Member Care shows both as the customer's attributes; nothing given is dropped.

  # Ruling 91: seed 002 "Customer attributes" shows "the custom field and extended field details captured for
  # the customer", and the registration API takes them as a profile's fields and the customer's
  # extendedFields; the view returns them in the same places. When two registrations give the same field
  # different values the seeds do not say which wins, so no scenario gives one field twice.

  Background:
    Given an org with default settings

  Rule: The fields a registration gives are shown with the customer

    @seed:contract @req:contract-96
    Scenario: Custom fields on the profile, extended fields on the customer
      Given a loyalty customer "Asha" registered through INSTORE with these details:
        | mobile                   | M1         |
        | custom field employee    | true       |
        | custom field dateofbirth | 22-10-2000 |
        | extended field city      | Bangalore  |
        | extended field gender    | Female     |
      Then "Asha" shows these extended fields:
        | name   | value     |
        | city   | Bangalore |
        | gender | Female    |
      And the INSTORE profile of "Asha" shows these custom fields:
        | name        | value      |
        | employee    | true       |
        | dateofbirth | 22-10-2000 |

    @seed:contract @req:contract-96
    Scenario: A registration through another source adds its own fields
      Given a loyalty customer "Asha" registered through INSTORE with these details:
        | mobile              | M1        |
        | extended field city | Bangalore |
      And "Asha" also registered through ECOMMERCE with these details:
        | mobile                  | M1     |
        | extended field gender   | Female |
        | custom field newsletter | weekly |
      Then "Asha" shows these extended fields:
        | name   | value     |
        | city   | Bangalore |
        | gender | Female    |
      And the ECOMMERCE profile of "Asha" shows these custom fields:
        | name       | value  |
        | newsletter | weekly |
