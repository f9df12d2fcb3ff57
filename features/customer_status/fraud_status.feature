Feature: The fraud status, legacy of the customer status
  New orgs have customer status enabled. Orgs that have not enabled it show the fraud status instead:
  predefined values set on a customer. Enabling customer status replaces it; with neither set, the status
  is blank.

  # Seed 002 "Customer status and name"; seeds 000/001 "Activating customer status" and seed 000 "Managing
  # fraud status". The fraud status is set through a memberspec design (the seeds name no call for it).
  # Ruling 7: seed 002 "From June 2024, the customer status feature will be enabled by default for new
  # organizations." Every org a run creates is new, so an org that does not state CONF_CUSTOMER_STATUS_ENABLED
  # has customer status on. Seed 002's "The customer status setting is not by default enabled for an org"
  # describes the older orgs: the scenarios of an org without customer status state false.

  Rule: A new org has customer status enabled

    @seed:002 @req:002-56
    Scenario: A customer of a new org with default settings is Active
      Given an org with default settings
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When the customer details of "Asha" are read
      Then the request succeeds
      And "Asha" shows the status "Active"

    @seed:002 @seed:000 @req:002-56 @req:000-50
    Scenario: A new org with default settings refuses a fraud status, superseded by the customer status
      Given an org with default settings
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is marked with the fraud status MARKED with the reason "flagged by the fraud team"
      Then the request is refused with error 8213
      And "Asha" shows the status "Active"
      And "Asha" shows no fraud status

  Rule: Without customer status, the view shows the fraud status, one of the predefined values

    @seed:002 @req:002-50 @req:002-51 @req:002-52
    Scenario Outline: A customer marked <fraud status> shows the fraud status <fraud status>
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is false
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is marked with the fraud status <fraud status> with the reason "flagged by the fraud team"
      Then the request succeeds
      And "Asha" shows the fraud status <fraud status>

      Examples:
        | fraud status |
        | MARKED       |
        | CONFIRMED    |
        | NOT_FRAUD    |
        | RECONFIRMED  |
        | INTERNAL     |

  Rule: With neither customer status nor fraud status set, the status is blank

    @seed:002 @req:002-53
    Scenario: A customer of an org without customer status shows no status
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is false
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      # Warning 8107 names a missing default status label, which an org without customer status has no use for.
      And the request succeeds without warning 8107
      When the customer details of "Asha" are read
      Then the request succeeds
      And "Asha" shows no status

  Rule: Enabling customer status supersedes the fraud status

    # Rulings 5 and 28: seed 000 "If customer status is enabled, the fraud status will be superseded by the
    # customer status": once customer status is enabled, setting a fraud status is refused (8213) rather than kept
    # where nobody sees it; the customer shows its customer status.
    @seed:000 @seed:001 @req:000-50 @req:001-61 @req:000-72
    Scenario: With customer status enabled a fraud status is refused and the customer status is shown
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is true
      And the org's status labels, created in this order:
        | status | label   |
        | Active | Regular |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is marked with the fraud status MARKED with the reason "flagged by the fraud team"
      Then the request is refused with error 8213
      And "Asha" shows the status "Active" with the label "Regular"
      And "Asha" shows no fraud status

    # Rulings 5 and 28: without customer status enabled there is no label to change (documented error 3044).
    @seed:000 @seed:001 @seed:contract @req:001-61 @req:000-72 @req:contract-50 @req:001-98 @req:000-71
    Scenario: Without customer status enabled a label cannot be given
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is false
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is given the status label "Regular" with the reason "welcome"
      Then the request is refused with error 3044
      And "Asha" shows no status
      And the status log of "Asha" is empty

    # Ruling 28: the deletion request gives a label too (Deletion_pending), so while customer status is off it
    # is refused like a label change (3044).
    @seed:000 @seed:001 @seed:contract @req:001-60 @req:000-96 @req:contract-50
    Scenario: Without customer status enabled a PII deletion request is refused
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is false
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a PII deletion request is raised for "Asha"
      Then the request is refused with error 3044
      And "Asha" shows no status
      And the status log of "Asha" is empty

  Rule: The fraud status of a customer who does not exist, or was merged into another, is not set

    # capillary-api-notes: 8015 "Customer not found"; ruling 16 (contract-13): a merge victim's data went to
    # its survivor.
    @seed:contract @req:contract-97
    Scenario: A fraud status for an unknown customer is refused
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is false
      When an unknown customer is marked with the fraud status MARKED with the reason "flagged by the fraud team"
      Then the request is refused with error 8015

    @seed:contract @req:contract-97
    Scenario: A fraud status for a merge victim is refused and changes nothing
      Given the org setting CONF_CUSTOMER_STATUS_ENABLED is false
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Asha's old account" registered through INSTORE with mobile M2
      And "Asha's old account" has been merged into "Asha" on request
      When "Asha's old account" is marked with the fraud status MARKED with the reason "flagged by the fraud team"
      Then the request is refused with error 8067
      And "Asha" shows no fraud status
