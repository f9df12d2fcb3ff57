Feature: Email letter case
  An email typed in capitals, in lower case or in a mix of both is the same email: a lookup finds its
  customer, a registration or a transaction matches it, and a merge follows it, whatever the letter case
  of the email the till sent.

  # Ruling 10: the seeds say nothing about letter case in emails, and the API notes allow both cases in one
  # ([a-zA-Z0-9-_+.@]). A mailbox is one person's whichever case a till typed, and seed 000 asks for
  # "identity resolution to establish a unified and accurate view of the customer", so emails match without
  # regard to letter case. How a target keeps and shows the email (as given or lower-cased) is its own
  # choice: the suite compares shown emails without regard to case. "E1 in upper case" is E1 in capitals.
  Background:
    Given the org setting CONF_USERS_IS_EMAIL_UNIQUE is true

  Rule: A lookup by email finds the customer whatever the letter case

    @seed:000 @seed:002 @req:000-01 @req:002-27 @seed:contract @req:contract-07
    Scenario Outline: An email registered in lower case is found when typed <typed>
      Given the org setting CONF_REGISTRATION_PRIMARY_KEY is email
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When the customer with email <email> is looked up through INSTORE
      Then the lookup finds "Asha"

      Examples:
        | typed          | email             |
        | in upper case  | E1 in upper case  |
        | in mixed case  | E1 in mixed case  |

    @seed:000 @seed:002 @req:000-01 @req:002-27 @seed:contract @req:contract-07
    Scenario: An email registered in capitals is found when typed in lower case
      Given the org setting CONF_REGISTRATION_PRIMARY_KEY is email
      And a loyalty customer "Asha" registered through INSTORE with email E1 in upper case and mobile M1
      When the customer with email E1 is looked up through INSTORE
      Then the lookup finds "Asha"
      And "Asha" has email E1

  Rule: A registration matches a known email whatever the letter case

    @seed:000 @req:000-01 @req:000-02 @req:000-03
    Scenario: A website registration with the email in capitals joins the Instore customer
      Given the org setting CONF_REGISTRATION_PRIMARY_KEY is email
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When a loyalty registration arrives through WEBSITE with email E1 in upper case
      Then the request succeeds
      And the request's customer is "Asha"
      And "Asha" has these source profiles:
        | source  | account |
        | INSTORE |         |
        | WEBSITE |         |
      And "Asha" has email E1

    @seed:000 @req:000-09 @seed:contract @req:contract-06
    Scenario: The same email in another letter case through the same source is the same customer
      Given the org setting CONF_REGISTRATION_PRIMARY_KEY is email
      And a loyalty customer "Asha" registered through INSTORE with email E1 and mobile M1
      When a loyalty registration arrives through INSTORE with email E1 in mixed case
      Then the request is refused with error 8006
      And "Asha" has these source profiles:
        | source  | account |
        | INSTORE |         |

    @seed:000 @req:000-07 @req:000-08
    Scenario: A non-loyalty transaction with the email in capitals is tagged to the subscriber
      Given the org setting CONF_REGISTRATION_PRIMARY_KEY is email
      And a non-loyalty customer "Subscriber" registered through INSTORE with email E1
      When a non-loyalty transaction arrives through INSTORE with email E1 in upper case
      Then the request succeeds
      And the request's customer is "Subscriber"

  Rule: Merges follow an email whatever the letter case

    # Seed 004 "CONF_SKIP_SECONDARY is disabled", Example 2, with the incoming email typed in capitals: the
    # campaign user is still matched on E1. Ruling 3: the loyalty user survives and takes the email.
    @seed:004 @req:004-03 @req:004-06 @req:004-07
    Scenario: Example 2 with the incoming email in capitals: the campaign user still merges into the loyalty user
      Given the org setting CONF_REGISTRATION_PRIMARY_KEY is mobile
      And the org setting CONF_SKIP_SECONDARY is false
      And the user types of the seed:
        | Type of User  | loyalty type |
        | Campaign user | non-loyalty  |
        | Loyalty user  | loyalty      |
      And the users of the example:
        | Type of User                   | EMAIL            | MOBILE |
        | Campaign User                  | E1               | M1     |
        | Loyalty User                   | NULL             | M2     |
        | Incoming transaction user data | E1 in upper case | M2     |
      When the incoming transaction user data arrives in a loyalty transaction
      Then the request succeeds
      And the incoming request was matched to "Loyalty User"
      And "Campaign User" is merged into "Loyalty User"
      And the users are:
        | Type of User  | EMAIL | MOBILE |
        | Campaign User | NULL  | M1     |
        | Loyalty User  | E1    | M2     |

    # Ruling 17: an identifier change that reaches another source's customer merges the changed customer
    # into it (warning 8051), here with the email typed in mixed case.
    @seed:000 @seed:001 @seed:contract @req:000-12 @req:001-04 @req:contract-08
    Scenario: Adding an email in mixed case that a customer from another source holds merges the two
      Given the org setting CONF_REGISTRATION_PRIMARY_KEY is mobile
      And a loyalty customer "Existing" registered through WEBSITE with email E1 and mobile M1
      And a loyalty customer "Changed" registered through INSTORE with mobile M2
      When "Changed" adds the email E1 in mixed case through INSTORE
      Then the request succeeds with warning 8051
      And "Changed" is merged into "Existing"
      And "Existing" has email E1 and mobile M1
