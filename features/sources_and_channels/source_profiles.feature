Feature: One customer, a profile per source
  When information about a known identifier arrives from another source, it is added to the existing
  customer as a profile under that source rather than creating a second customer. Each profile keeps the
  details as that source knows them, and the customer shows every source it registered from.

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: The same identifier from a different source is added to the existing customer under that source

    @seed:000 @seed:002 @seed:contract @req:000-02 @req:000-03 @req:002-01 @req:contract-06
    Scenario: A website registration with a known mobile joins the Instore customer
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a loyalty registration arrives through WEBSITE with mobile M1
      Then the request succeeds with warning 8050
      And the request's customer is "Asha"
      And "Asha" has these source profiles:
        | source  | account |
        | INSTORE |         |
        | WEBSITE |         |

    @seed:000 @req:000-01
    Scenario: Each source keeps its own version of the customer's name
      Given a loyalty customer "Christopher" registered through INSTORE with these details:
        | mobile     | M1          |
        | first name | Christopher |
      When a loyalty registration arrives through WEBSITE with these details:
        | mobile     | M1      |
        | first name | Christo |
      Then the request succeeds
      And the request's customer is "Christopher"
      And the INSTORE profile of "Christopher" shows the first name "Christopher"
      And the WEBSITE profile of "Christopher" shows the first name "Christo"

    @seed:000 @req:000-01
    Scenario: Updating a name through one source changes only that source's profile, and only that name
      Given a loyalty customer "Christopher" registered through INSTORE with these details:
        | mobile     | M1          |
        | first name | Christopher |
        | last name  | Smith       |
      And "Christopher" also registered through WEBSITE with these details:
        | mobile     | M1      |
        | first name | Christo |
        | last name  | Smith   |
      When the WEBSITE profile of "Christopher" is updated with the first name "Chris"
      Then the request succeeds
      When the WEBSITE profile of "Christopher" is updated with the last name "Smythe"
      Then the request succeeds
      And the WEBSITE profile of "Christopher" shows the first name "Chris"
      And the WEBSITE profile of "Christopher" shows the last name "Smythe"
      And the INSTORE profile of "Christopher" shows the first name "Christopher"
      And the INSTORE profile of "Christopher" shows the last name "Smith"
      And "Christopher" is a loyalty customer

    @seed:000 @req:000-01
    Scenario: A first name updated alone leaves the profile's last name as it was
      Given a loyalty customer "Christopher" registered through INSTORE with these details:
        | mobile     | M1          |
        | first name | Christopher |
        | last name  | Smith       |
      When the INSTORE profile of "Christopher" is updated with the first name "Chris"
      Then the request succeeds
      And the INSTORE profile of "Christopher" shows the first name "Chris"
      And the INSTORE profile of "Christopher" shows the last name "Smith"

    # Seed 000 "merges, and adds it to the existing customer profile under a different source": the
    # identifier the customer lacked comes with the new source, on the customer and on that source's profile.
    @seed:000 @req:000-02
    Scenario: A registration through another source with the known mobile adds the email the customer lacked
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a loyalty registration arrives through WEBSITE with mobile M1 and email E1
      Then the request succeeds with warning 8050
      And the request's customer is "Asha"
      And "Asha" has mobile M1 and email E1
      And the WEBSITE profile of "Asha" shows mobile M1 and email E1

  Rule: A customer registers only once per source

    @seed:contract @req:contract-06
    Scenario: Registering a known mobile again through the same source is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request is refused with error 8006
      And "Asha" has these source profiles:
        | source  | account |
        | INSTORE |         |

    @seed:contract @req:contract-06
    Scenario: Registering a known customer again through the same source with all her identifiers is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      When a loyalty registration arrives through INSTORE with mobile M1 and email E1
      Then the request is refused with error 8006
      And "Asha" has these source profiles:
        | source  | account |
        | INSTORE |         |

    @seed:contract @req:contract-06
    Scenario: A transaction through the same source is tagged to the existing customer
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a loyalty transaction arrives through INSTORE with mobile M1
      Then the request succeeds
      And the request's customer is "Asha"

  Rule: A request that joins a customer through a source she already has completes that source's profile

    # The registration joins "Asha" by her known email and gives her a new mobile: her INSTORE profile shows
    # the identifiers as they are now, gains the first name and the custom field it lacked (contract-96: "a
    # registration that joins an existing customer adds the fields it lacks") and keeps the last name the
    # request does not give.
    @seed:000 @seed:contract @req:000-12 @req:contract-96
    Scenario: A registration that joins the customer by a known email completes her profile of that source
      Given the org setting CONF_USERS_IS_EMAIL_UNIQUE is true
      And a loyalty customer "Asha" registered through INSTORE with these details:
        | mobile    | M1  |
        | email     | E1  |
        | last name | Rao |
      When a loyalty registration arrives through INSTORE with these details:
        | mobile                | M2   |
        | email                 | E1   |
        | first name            | Asha |
        | custom field employee | true |
      Then the request succeeds
      And the request's customer is "Asha"
      And the INSTORE profile of "Asha" shows mobile M2 and email E1
      And the INSTORE profile of "Asha" shows the first name "Asha"
      And the INSTORE profile of "Asha" shows the last name "Rao"
      And the INSTORE profile of "Asha" shows these custom fields:
        | name     | value |
        | employee | true  |
