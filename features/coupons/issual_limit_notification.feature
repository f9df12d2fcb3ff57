Feature: Notification when the coupon issual limit nears
  A coupon series can notify the brand when a given number of coupons remain to be issued: an email goes to
  all the registered brand POCs, so the brand can stop the campaign or raise the limit in time (seed 003
  "Notification to Brand POCs when the coupon issual limit reaches a certain threshold").

  # Ruling 135: "get notification when there are certain (user input) coupons remaining": the notification
  # goes out once, with the issue that leaves that many coupons (or fewer) to issue; raising the limit so
  # that more remain again re-arms it. The notifications are read through the test-control extension.

  Background:
    Given an org with default settings
    And the brand's registered contacts are offers@brand.example and ops@brand.example
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a coupon series "Only 20 more lucky folks" of ABS 50 off that issues at most 1000 coupons and notifies when 20 remain

  Rule: The brand is notified once, when the remaining coupons reach the number it gave

    @seed:003 @req:003-122 @bulk
    Scenario: An issual limit of 1000 with notification at 20 remaining
      Given 979 coupons of "Only 20 more lucky folks" have been issued to "Asha"
      Then the brand has received no notification
      When a coupon of "Only 20 more lucky folks" is issued to "Asha"
      Then the brand's registered contacts were notified once that 20 of 1000 coupons of "Only 20 more lucky folks" remain
      When 5 coupons of "Only 20 more lucky folks" have been issued to "Asha"
      Then the brand's registered contacts were notified once that 20 of 1000 coupons of "Only 20 more lucky folks" remain
      And "Only 20 more lucky folks" has 15 coupons left to issue

    @seed:003 @req:003-122 @req:003-123
    Scenario: A small series notifies once when 3 remain, and again after its limit is raised
      Given a coupon series "Only 3 more" of ABS 50 off that issues at most 10 coupons and notifies when 3 remain
      And 6 coupons of "Only 3 more" have been issued to "Asha"
      Then the brand has received no notification
      When 2 coupons of "Only 3 more" have been issued to "Asha"
      Then the brand's registered contacts were notified once that 3 of 10 coupons of "Only 3 more" remain
      When the issual limit of "Only 3 more" is raised to 15
      And 4 coupons of "Only 3 more" have been issued to "Asha"
      Then the brand's registered contacts were notified that 3 of 10 and then 3 of 15 coupons of "Only 3 more" remain

  Rule: Raising the limit after the notification re-arms it

    # Ruling 135: only a limit that leaves more than the threshold re-arms the notification.
    @seed:003 @req:003-122 @req:003-123
    Scenario: A limit raised so that exactly the threshold remains does not notify again
      Given a coupon series "Only 3 more" of ABS 50 off that issues at most 10 coupons and notifies when 3 remain
      And 8 coupons of "Only 3 more" have been issued to "Asha"
      Then the brand's registered contacts were notified once that 3 of 10 coupons of "Only 3 more" remain
      When the issual limit of "Only 3 more" is raised to 11
      Then the request succeeds
      And "Only 3 more" has 3 coupons left to issue
      When 2 coupons of "Only 3 more" have been issued to "Asha"
      Then the brand's registered contacts were notified once that 3 of 10 coupons of "Only 3 more" remain

    @seed:003 @req:003-122 @req:003-123 @bulk
    Scenario: The brand raises the limit and is notified again when 20 remain of the new limit
      Given 980 coupons of "Only 20 more lucky folks" have been issued to "Asha"
      When the issual limit of "Only 20 more lucky folks" is raised to 1030
      Then "Only 20 more lucky folks" has 50 coupons left to issue
      When 29 coupons of "Only 20 more lucky folks" have been issued to "Asha"
      Then the brand's registered contacts were notified once that 20 of 1000 coupons of "Only 20 more lucky folks" remain
      When a coupon of "Only 20 more lucky folks" is issued to "Asha"
      Then the brand's registered contacts were notified that 20 of 1000 and then 20 of 1030 coupons of "Only 20 more lucky folks" remain

    @seed:003 @req:003-123
    Scenario Outline: An issual limit of <limit> is refused and the series keeps its limit
      Given 3 coupons of "Only 20 more lucky folks" have been issued to "Asha"
      When the issual limit of "Only 20 more lucky folks" is raised to <limit>
      Then the request is refused with error 8521
      And "Only 20 more lucky folks" has 997 coupons left to issue

      Examples:
        | limit | why                                 |
        | 2     | below the 3 coupons issued          |
        | 20    | not above the notification at 20    |
        | 0     | no limit at all                     |

    # A series without a notification: the limit may come down to the coupons issued, never below.
    @seed:003 @req:003-123
    Scenario Outline: The issual limit of a series without notification set to <limit> after 3 issues
      Given a coupon series "Plain" of ABS 50 off that issues at most 10 coupons
      And 3 coupons of "Plain" have been issued to "Asha"
      When the issual limit of "Plain" is raised to <limit>
      Then <outcome>
      And "Plain" has <left> coupons left to issue

      Examples:
        | limit | outcome                                 | left |
        | 3     | the request succeeds                    | 0    |
        | 2     | the request is refused with error 8521  | 7    |
        | 0     | the request is refused with error 8521  | 7    |
        | 2.5   | the request is refused with error 8521  | 7    |

    @seed:003 @req:003-122
    Scenario: A notification threshold at or above the issual limit is refused
      When a coupon series "Broken" of ABS 50 off that issues at most 20 coupons and notifies when 20 remain is created
      Then the request is refused with error 8243
