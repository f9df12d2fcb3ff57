Feature: Survivor and victim of a merge
  Two customers become one in three ways: incoming user data that matches both (see the CONF_SKIP_SECONDARY
  features), an explicit merge request, and an identifier change that reaches another customer's
  identifier. Whatever the trigger, the survivor keeps its identifiers, takes the victim's value wherever
  it has none, and the victim stays visible as merged into the survivor.

  # Ruling 3: a survivor's NULL identifier takes the victim's value and the victim loses it; the victim's
  # other identifiers stay with the victim; every merge is recorded with both customer ids.
  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: An approved merge request moves the victim's identifiers into the survivor's empty places

    @seed:004 @seed:contract @req:004-07 @req:contract-10
    Scenario: Merging a campaign user into a loyalty user on request
      Given a non-loyalty customer "Campaign User" registered through INSTORE with email E1 and mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      When a merge of "Campaign User" into "Loyalty User" is requested
      Then the request succeeds
      And "Campaign User" is merged into "Loyalty User"
      And the users are:
        | Type of User  | EMAIL | MOBILE |
        | Campaign User | NULL  | M1     |
        | Loyalty User  | E1    | M2     |

    @seed:004 @seed:contract @req:004-07 @req:contract-10
    Scenario: A survivor's own identifiers are never overwritten by the victim's
      Given a non-loyalty customer "Campaign User" registered through INSTORE with email E1 and mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with email E2 and mobile M2
      When a merge of "Campaign User" into "Loyalty User" is requested
      Then the request succeeds
      And the users are:
        | Type of User  | EMAIL | MOBILE |
        | Campaign User | E1    | M1     |
        | Loyalty User  | E2    | M2     |

    # Ruling 3: between equals, the oldest customer survives. The newer customer is the one matched first
    # (on email), so a server that keeps the first match instead of the oldest fails.
    @seed:000 @seed:001 @req:000-02 @req:000-12 @req:001-04
    Scenario: Incoming data that matches two loyalty customers on their other identifiers keeps the older one
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1 and external id X1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2 and email E1
      When a loyalty transaction arrives through INSTORE with mobile M3, email E1 and external id X1
      Then the request succeeds
      And the request's customer is "Asha"
      And "Ben" is merged into "Asha"
      And "Asha" is not merged

    # Ruling 3: between equals, the customer matched on the primary identifier survives, even when the other
    # is older.
    @seed:000 @seed:001 @req:000-02 @req:000-12 @req:001-04
    Scenario: Incoming data that matches two loyalty customers keeps the one matched on the primary identifier
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1 and email E1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      When a loyalty transaction arrives through INSTORE with mobile M2 and email E1
      Then the request succeeds
      And the request's customer is "Ben"
      And "Asha" is merged into "Ben"
      And "Ben" is not merged

    # Ruling 3: what moved to the survivor, the victim and its source profile no longer show; what the victim
    # kept, they still do.
    @seed:004 @seed:contract @req:004-07 @req:contract-10
    Scenario: The victim's source profile no longer shows the identifiers that moved
      Given a non-loyalty customer "Campaign User" registered through INSTORE with mobile M1, email E1 and external id X1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      When a merge of "Campaign User" into "Loyalty User" is requested
      Then the request succeeds
      And "Loyalty User" has mobile M2, email E1 and external id X1
      And the INSTORE profile of "Campaign User" shows mobile M1
      And the INSTORE profile of "Campaign User" shows no email
      And the INSTORE profile of "Campaign User" shows no external id

  Rule: A merge request that cannot be carried out is refused and changes nothing

    @seed:contract @req:contract-10
    Scenario: A customer cannot be merged into itself
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a merge of "Asha" into itself is requested
      Then the request is refused with error 9029
      And "Asha" is not merged
      And "Asha" has mobile M1

    @seed:contract @req:contract-10
    Scenario: The survivor must exist
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a merge of "Asha" into an unknown customer is requested
      Then the request is refused with error 9007
      And "Asha" is not merged
      And "Asha" has mobile M1

    @seed:contract @req:contract-10
    Scenario: The victim must exist
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a merge of an unknown customer into "Asha" is requested
      Then the request is refused with error 9042
      And "Asha" is not merged
      And "Asha" has mobile M1

    @seed:contract @req:contract-10
    Scenario: A victim that is already merged cannot be merged again
      Given a non-loyalty customer "Campaign User" registered through INSTORE with mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      And a loyalty customer "Other User" registered through INSTORE with mobile M3
      And "Campaign User" has been merged into "Loyalty User" on request
      When a merge of "Campaign User" into "Other User" is requested
      Then the request is refused with error 9027
      And "Campaign User" is merged into "Loyalty User"
      And "Other User" is not merged
      And "Other User" has mobile M3

    @seed:contract @req:contract-10
    Scenario: A survivor that is already merged cannot take a victim
      Given a non-loyalty customer "Campaign User" registered through INSTORE with mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      And a loyalty customer "Other User" registered through INSTORE with mobile M3
      And "Campaign User" has been merged into "Loyalty User" on request
      When a merge of "Other User" into "Campaign User" is requested
      Then the request is refused with error 9023
      And "Other User" is not merged
      And "Other User" has mobile M3
      And "Campaign User" is merged into "Loyalty User"

  Rule: A merged victim stays visible and points to its survivor

    @seed:contract @req:contract-11
    Scenario: Reading a merged victim shows where it went
      Given a non-loyalty customer "Campaign User" registered through INSTORE with email E1 and mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      And "Campaign User" has been merged into "Loyalty User" on request
      When the customer details of "Campaign User" are read
      Then the request succeeds with warning 8069
      And "Campaign User" is merged into "Loyalty User"
      When the customer details of "Loyalty User" are read
      Then the request succeeds without warning 8069

    # Ruling 3: the victim keeps the identifiers its survivor already had; a lookup by one of them
    # still reaches the customer the person now is.
    @seed:contract @req:contract-07 @req:contract-10
    Scenario: A lookup by an identifier the victim kept finds its survivor
      Given a non-loyalty customer "Campaign User" registered through INSTORE with email E1 and mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with email E2 and mobile M2
      And "Campaign User" has been merged into "Loyalty User" on request
      Then looking up the mobile M1 through INSTORE finds "Loyalty User"
      And looking up the email E1 through INSTORE finds "Loyalty User"

  Rule: A merged victim cannot be changed any more

    # Ruling 16 (contract-13; the seeds are silent): the victim's identifiers went to its survivor, so a change to the
    # victim would give values to a customer no lookup reaches. The documented error 8067 ("the account
    # is already merged") refuses it and nothing changes.
    @seed:contract @req:contract-13
    Scenario: Adding an identifier to a merged victim is refused
      Given a non-loyalty customer "Campaign User" registered through INSTORE with email E1 and mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      And "Campaign User" has been merged into "Loyalty User" on request
      When "Campaign User" adds the mobile M3 through INSTORE
      Then the request is refused with error 8067
      And "Campaign User" has mobile M1
      And no customer is found with mobile M3

    @seed:contract @req:contract-13
    Scenario: Updating a merged victim is refused
      Given a non-loyalty customer "Campaign User" registered through INSTORE with email E1 and mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      And "Campaign User" has been merged into "Loyalty User" on request
      When "Campaign User" is changed to a loyalty customer through INSTORE
      Then the request is refused with error 8067
      And "Campaign User" is a non-loyalty customer

  Rule: An identifier change that reaches another customer's identifier merges the changed customer into the existing one

    # Ruling 17 (contract-08; the seeds are silent): the customer being changed is the victim and the customer
    # that already holds the identifier is the survivor. Email takes part because it is unique (ruling 9).
    @seed:000 @seed:001 @seed:contract @req:000-12 @req:001-04 @req:contract-08
    Scenario: Adding an email that a customer from another source holds merges the two
      Given a loyalty customer "Existing" registered through WEBSITE with email E1 and mobile M1
      And a loyalty customer "Changed" registered through INSTORE with mobile M2 and external id X2
      When "Changed" adds the email E1 through INSTORE
      Then the request succeeds with warning 8051
      And "Changed" is merged into "Existing"
      And "Existing" has email E1, mobile M1 and external id X2
      And "Changed" has no external id
      And looking up the email E1 through WEBSITE finds "Existing"

    @seed:contract @req:contract-08
    Scenario: Adding an identifier that a customer of the same source holds is refused
      Given a loyalty customer "Existing" registered through INSTORE with email E1 and mobile M1
      And a loyalty customer "Changed" registered through INSTORE with mobile M2
      When "Changed" adds the email E1 through INSTORE
      Then the request is refused with error 8007
      And "Changed" is not merged
      And "Changed" has no email
      And "Existing" has email E1 and mobile M1
