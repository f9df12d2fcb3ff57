Feature: Test and control status
  The customer list is split into a test and a control group: customers in the test group receive campaign
  communications, those in the control group do not. The customer view shows the group a customer is in,
  and the brand can move a customer from test to control or back.

  # Ruling 22: the platform documents no per-customer API for the group (its bulk endpoint has no public
  # body), so the change and the view's field are memberspec designs. A status other than test or control
  # is refused with memberspec's error 8280; a new customer is auto-assigned, and the reference puts it in
  # the test group, but a vendor's split may differ, so the suite only asks that a group is shown.

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: The customer view shows the test and control status

    # Seed 000 "Managing test and control status": "These statuses are maintained by the brands or auto-assigned".
    @seed:000 @seed:002 @req:000-40 @req:000-41 @req:002-13
    Scenario: A new customer is shown in a test or control group
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When the customer details of "Asha" are read
      Then the request succeeds
      And "Asha" shows a test and control status

  Rule: The group can be changed from test to control or vice versa

    # Seed 002 "Customer status and name": "Change test and control status > In Change to, set the new status".
    @seed:000 @seed:002 @req:000-40 @req:000-41 @req:002-13
    Scenario Outline: A customer in the <from> group is moved to the <to> group
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" is in the <from> group
      When the test and control status of "Asha" is changed to <to>
      Then the request succeeds
      And "Asha" shows the test and control status <to>

      Examples:
        | from    | to      |
        | test    | control |
        | control | test    |

    @seed:000 @req:000-40
    Scenario: Moving one customer leaves another customer's group as it was
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And "Asha" is in the test group
      And "Ravi" is in the test group
      When the test and control status of "Asha" is changed to control
      Then the request succeeds
      And "Asha" shows the test and control status control
      And "Ravi" shows the test and control status test

    # The contract takes the status in any case (TestControlRequest: "TEST or CONTROL (any case)").
    @seed:contract @req:contract-16
    Scenario: The status written in lower case moves the customer
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" is in the test group
      When the test and control status of "Asha" is changed to the value "control"
      Then the request succeeds
      And "Asha" shows the test and control status control

  Rule: A group the brand set is kept

    # Seed 000: "These statuses are maintained by the brands or auto-assigned": the auto-assignment gives a
    # new customer its group, it does not move a customer the brand has placed.
    @seed:000 @req:000-41
    Scenario: A customer in the control group stays there when it registers through another source
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" is in the control group
      When a loyalty registration arrives through WEBSITE with mobile M1 and email E1
      Then the request succeeds
      And the request's customer is "Asha"
      And "Asha" shows the test and control status control

    @seed:000 @req:000-41
    Scenario: A customer in the control group stays there after a bill
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" is in the control group
      When a loyalty transaction arrives through INSTORE with mobile M1
      Then the request succeeds
      And "Asha" shows the test and control status control

  Rule: A status other than test or control is refused and changes nothing

    @seed:002 @seed:contract @req:002-13 @req:contract-16
    Scenario Outline: The status "<value>" is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And "Asha" is in the control group
      When the test and control status of "Asha" is changed to the value "<value>"
      Then the request is refused with error 8280
      And "Asha" shows the test and control status control

      Examples:
        | value   |
        | holdout |
        |         |

    @seed:contract @req:contract-16
    Scenario: The group of an unknown customer cannot be changed
      When the test and control status of an unknown customer is changed to control
      Then the request is refused with error 8009

    @seed:contract @req:contract-16
    Scenario: The group of a merge victim cannot be changed
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Asha's old account" registered through INSTORE with mobile M2
      And "Asha's old account" has been merged into "Asha" on request
      When the test and control status of "Asha's old account" is changed to control
      Then the request is refused with error 8067
