Feature: Customer status and its labels
  A customer status defines the relationship between a brand and a customer. An org that enables customer
  status gives every customer one of seven statuses, through custom labels the org creates under them.
  Member Care shows the customer's status code and label, and a change of label, made with a reason, is
  recorded in the customer's status log: who changed what, and why.

  # Seeds 000 and 001 "Managing customer lifecycle with customer status" (same text), seed 002 "Customer
  # status and name". The org setting CONF_CUSTOMER_STATUS_ENABLED stands for "Enable customer status";
  # the seeds give the check box no CONF_* name.
  Background:
    Given the org setting CONF_CUSTOMER_STATUS_ENABLED is true

  Rule: A label is created under one of the seven statuses, and a customer given the label has its status

    @seed:000 @seed:001 @seed:002 @req:001-50 @req:000-74 @req:001-51 @req:000-75 @req:002-54 @req:001-98 @req:000-71
    Scenario Outline: A customer given a label under <status> shows <status> with that label
      Given the org's status labels, created in this order:
        | status           | label           |
        | Active           | Regular         |
        | Suspended        | On hold         |
        | Deleted          | Closed          |
        | Fraud suspected  | Under review    |
        | Fraud confirmed  | Fraudster       |
        | Internal         | Staff           |
        | Pending deletion | Erasure queued  |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is given the status label "<label>" with the reason "<reason>"
      Then the request succeeds
      And "Asha" shows the status "<status>" with the label "<label>"

      Examples:
        | status           | label          | reason                       |
        | Active           | Regular        | welcome back                 |
        | Suspended        | On hold        | account paused on request    |
        | Deleted          | Closed         | customer left the programme  |
        | Fraud suspected  | Under review   | chargeback under review      |
        | Fraud confirmed  | Fraudster      | chargeback confirmed         |
        | Internal         | Staff          | store employee               |
        | Pending deletion | Erasure queued | deletion asked by phone      |

    # Org setup is the contract's test-control extension: labels it cannot create are refused there (8207).
    @seed:000 @seed:001 @req:001-50 @req:000-74 @seed:contract @req:contract-12
    Scenario Outline: A label <problem> is refused when the org is set up
      When an org is requested with customer status enabled and these status labels as written:
        | status   | label   | restrictions   |
        | <status> | <label> | <restrictions> |
      Then the request is refused with error 8207
      And the error message mentions "statusLabels"

      Examples:
        | problem                                   | status    | label            | restrictions     |
        | under a status that does not exist        | Dormant   | Sleeping         |                  |
        | whose name is blank                       | Suspended | (blank)          |                  |
        | named Deletion_pending under Suspended    | Suspended | deletion_pending |                  |
        | with a restriction that does not exist    | Suspended | On hold          | Block everything |

    @seed:000 @seed:001 @req:001-50 @req:000-74 @seed:contract @req:contract-12
    Scenario: A label name given twice, in any case, is refused when the org is set up
      When an org is requested with customer status enabled and these status labels as written:
        | status          | label   | restrictions |
        | Suspended       | On hold |              |
        | Fraud suspected | ON HOLD |              |
      Then the request is refused with error 8207
      And the error message mentions "statusLabels"

    # The seed's status words and the API's names (SUSPENDED, PENDING_DELETION) both name a status.
    @seed:000 @seed:001 @seed:002 @req:001-50 @req:000-74 @req:002-54 @seed:contract @req:contract-12
    Scenario: Labels under the API's status names, Deletion_pending among them, set up an org
      When an org is requested with customer status enabled and these status labels as written:
        | status           | label            | restrictions      |
        | SUSPENDED        | On hold          | Block transaction |
        | PENDING_DELETION | Deletion_pending |                   |
      Then the request succeeds

  Rule: Every customer is Active by default, with the first label created as the default label

    # Ruling 6: seed 000/001 "The first status label that you create is set as the default status value" and
    # "All customers are marked Active by default": the default label is the first label created under Active;
    # a label created earlier under another status does not become the default, or new customers would not
    # be Active.
    @seed:000 @seed:001 @req:001-52 @req:000-76 @req:001-54 @req:000-78
    Scenario: A new customer gets the first label created
      Given the org's status labels, created in this order:
        | status | label   |
        | Active | Regular |
        | Active | Valued  |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And the request succeeds without warning 8107
      And "Asha" shows the status "Active" with the label "Regular"

    @seed:000 @seed:001 @req:001-52 @req:000-76 @req:001-54 @req:000-78
    Scenario: A label created first under another status does not make new customers Suspended
      Given the org's status labels, created in this order:
        | status    | label   |
        | Suspended | On hold |
        | Active    | Regular |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And "Asha" shows the status "Active" with the label "Regular"

    # Ruling 6: with no label created yet the customer is Active without a label, and the registration
    # succeeds with the documented warning 8107 "Default customer status label not set".
    @seed:000 @seed:001 @req:001-54 @req:000-78
    Scenario: Without any label a new customer is Active without a label
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request succeeds with warning 8107
      And the request created a new customer "Asha"
      And "Asha" shows the status "Active" without a label

  Rule: A customer's label is changed with a reason, and the status log shows who changed what and why

    @seed:002 @seed:contract @req:002-55 @req:contract-50
    Scenario: Each change of label is logged with its reason and the till that made it, newest first
      Given the org's status labels, created in this order:
        | status          | label        |
        | Active          | Regular      |
        | Fraud suspected | Under review |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is given the status label "Under review" with the reason "chargeback under review"
      Then the request succeeds
      When "Asha" is given the status label "Regular" with the reason "chargeback withdrawn"
      Then the request succeeds
      And "Asha" shows the status "Active" with the label "Regular"
      And the status log of "Asha" shows, newest first:
        | status          | label        | reason                 | changed by      |
        | Active          | Regular      | chargeback withdrawn   | the org's till  |
        | Fraud suspected | Under review | chargeback under review | the org's till |

    # Ruling 5: a refused change is explicit and changes nothing: no new label, no log entry.
    @seed:002 @seed:contract @req:002-55 @req:contract-50
    Scenario: A label the org does not have is refused and nothing is logged
      Given the org's status labels, created in this order:
        | status | label   |
        | Active | Regular |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is given the status label "Platinum VIP" with the reason "typo in the label"
      Then the request is refused with error 8086
      And "Asha" shows the status "Active" with the label "Regular"
      And the status log of "Asha" is empty

  Rule: A PII deletion request gives the customer the label Deletion_pending under Pending deletion

    # Seed 000/001: Deletion_pending is "automatically created and assigned to the customer, regardless of
    # any other label that may have been created and set as default", here even a label the org created
    # under Pending deletion itself.
    @seed:000 @seed:001 @seed:contract @req:001-60 @req:000-96 @req:contract-50
    Scenario: The deletion request assigns Deletion_pending whatever the default label is
      Given the org's status labels, created in this order:
        | status           | label          |
        | Active           | Regular        |
        | Pending deletion | Erasure queued |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a PII deletion request is raised for "Asha"
      Then the request succeeds
      And "Asha" shows the status "Pending deletion" with the label "Deletion_pending"
      And the status log of "Asha" shows, newest first:
        | status           | label            | reason               | changed by     |
        | Pending deletion | Deletion_pending | PII deletion request | the org's till |

    # Ruling 28: seed 000 "whenever a PII deletion request is triggered, a label Deletion_pending is
    # automatically created and assigned": it belongs to the deletion request; giving it by hand would fake one.
    @seed:000 @seed:001 @seed:contract @req:001-60 @req:000-96 @req:contract-51
    Scenario: Deletion_pending cannot be given by hand
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is given the status label "Deletion_pending" with the reason "customer asked"
      Then the request is refused with error 8086
      And "Asha" shows the status "Active" without a label
      And the status log of "Asha" is empty

    # Ruling 28 again: even where the org created a label of that name under Pending deletion, which org setup
    # allows (the API names the status PENDING_DELETION), only a PII deletion request gives it.
    @seed:000 @seed:001 @seed:contract @req:001-60 @req:000-96 @req:contract-51
    Scenario: Deletion_pending cannot be given by hand even where the org created a label of that name
      Given the org's status labels, created in this order:
        | status           | label            |
        | Active           | Regular          |
        | Pending deletion | Deletion_pending |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" is given the status label "Deletion_pending" with the reason "customer asked"
      Then the request is refused with error 8086
      And "Asha" shows the status "Active" with the label "Regular"
      And the status log of "Asha" is empty

  Rule: The status of a customer who does not exist, or was merged into another, is not changed

    # capillary-api-notes, customer status: 8015 "Customer not found".
    @seed:contract @req:contract-97
    Scenario: A PII deletion request for an unknown customer is refused
      When a PII deletion request is raised for an unknown customer
      Then the request is refused with error 8015

    @seed:contract @req:contract-97
    Scenario: The status log of an unknown customer is not found
      When the status log of an unknown customer is read
      Then the request is refused with error 8015

    # Ruling 16 (contract-13) holds for the status too: a merge victim's data went to its survivor.
    @seed:contract @req:contract-97
    Scenario: A PII deletion request for a merge victim is refused and changes nothing
      Given the org's status labels, created in this order:
        | status | label   |
        | Active | Regular |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Asha's old account" registered through INSTORE with mobile M2
      And "Asha's old account" has been merged into "Asha" on request
      When a PII deletion request is raised for "Asha's old account"
      Then the request is refused with error 8067
      And "Asha" shows the status "Active" with the label "Regular"
      And the status log of "Asha" is empty
