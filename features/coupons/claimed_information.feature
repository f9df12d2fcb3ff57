Feature: Coupons claimed information
  A coupon series shows whether it is claimed and by which campaign or program: "Campaign using this offer"
  for an outbound campaign, "Program using this offer" for loyalty (seed 003 "Enhancements in Coupons
  Claimed Information").

  # Ruling 137: a series is claimed by one campaign or program; another claimant is refused (8528), and the
  # same claimant claiming again changes nothing.

  Background:
    Given an org with default settings
    And a coupon series "Diwali 500" of ABS 500 off that issues at most 100 coupons

  Rule: A claimed series shows the campaign or program that claimed it

    @seed:003 @req:003-124
    Scenario Outline: A series claimed by <claimant> shows its name
      When "Diwali 500" is claimed by the <claimant> "<name>"
      Then the request succeeds
      And "Diwali 500" shows it is claimed by the <claimant> "<name>"

      Examples:
        | claimant          | name                 |
        | outbound campaign | Diwali blast 2030    |
        | loyalty program   | Star Rewards         |

    @seed:003 @req:003-124
    Scenario: A series nobody claimed shows it is not claimed
      Then "Diwali 500" shows it is not claimed

    @seed:003 @req:003-124
    Scenario: A series claimed by one campaign cannot be claimed by another
      Given "Diwali 500" was claimed by the outbound campaign "Diwali blast 2030"
      When "Diwali 500" is claimed by the loyalty program "Star Rewards"
      Then the request is refused with error 8528
      And "Diwali 500" shows it is claimed by the outbound campaign "Diwali blast 2030"

    @seed:003 @req:003-124
    Scenario Outline: A series claimed by <first> cannot be claimed by <second>
      Given "Diwali 500" was claimed by the <first>
      When "Diwali 500" is claimed by the <second>
      Then the request is refused with error 8528
      And "Diwali 500" shows it is claimed by the <first>

      Examples:
        | first                                  | second                                 |
        | outbound campaign "Diwali blast 2030"  | outbound campaign "Year end blast"     |
        | outbound campaign "Star Rewards"       | loyalty program "Star Rewards"         |

    # Ruling 137: the same claimant claiming again changes nothing.
    @seed:003 @req:003-124
    Scenario: The campaign that claimed a series can claim it again
      Given "Diwali 500" was claimed by the outbound campaign "Diwali blast 2030"
      When "Diwali 500" is claimed by the outbound campaign "Diwali blast 2030"
      Then the request succeeds
      And "Diwali 500" shows it is claimed by the outbound campaign "Diwali blast 2030"

    @seed:003 @req:003-124
    Scenario Outline: A claim by <claimant> is refused and leaves the series unclaimed
      When "Diwali 500" is claimed by <claimant>
      Then the request is refused with error <code>
      And "Diwali 500" shows it is not claimed

      Examples:
        | claimant                          | code |
        | a partner "Shell"                 | 8527 |
        | an outbound campaign without name | 8527 |
        | the outbound campaign "   "       | 8527 |
        | an unknown series                 | 8239 |
