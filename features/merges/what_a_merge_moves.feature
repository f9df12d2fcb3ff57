Feature: What a merge moves besides identifiers and points
  Seed 003 says what a merge does to points ("Merge event will result in a Debit entry in the Ledger of the
  victim ... a credit entry" in the survivor's) and the seeds say which identifiers move (ruling 3). They are
  silent on the victim's cards, subscriptions, coupons, tier and test or control group; so are the platform's
  API docs, which document only the identifiers' move and the answers about a victim (8069, 91009, 419). The
  rulings below say what memberspec expects, so that a vendor who reads the silence differently sees why.

  # Ruling 104: cards are identifiers (the API lists cardnumber among them), so they move with the others: the
  # survivor's view lists the victim's cards and a lookup by one finds the survivor.
  # Ruling 105: subscriptions belong to a source profile (one account of a source); the victim's profiles stay
  # the victim's, so do its opt-ins and opt-outs, and the survivor's subscriptions do not change.
  # Ruling 106: like points, the victim's coupons move to the survivor, who can redeem them; the victim can no
  # longer redeem anything (8067).
  # Ruling 107: the survivor keeps its tier: the points a merge credits are moved, not earned, so they add
  # nothing to lifetime points and move nobody up a tier.
  # Ruling 108: the survivor keeps its own test or control group, whatever the victim's was.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a loyalty customer "Ravi" registered through INSTORE with mobile M2

  Rule: Cards and coupons move to the survivor

    @seed:003 @req:003-050
    Scenario: The victim's card is listed by the survivor and finds it
      Given card C1 is linked to "Ravi"
      And card C2 is linked to "Asha"
      When a merge of "Ravi" into "Asha" is requested
      Then the request succeeds
      And the cards of "Asha" are, in any order:
        | card | status | label  |
        | C2   | ACTIVE | ACTIVE |
        | C1   | ACTIVE | ACTIVE |
      And "Ravi" has no cards
      And looking up the card number C1 through INSTORE finds "Asha"

    @seed:003 @req:003-052
    Scenario: The victim's coupon becomes the survivor's to redeem
      Given a coupon series "Welcome" of ABS 100 off that issues at most 5 coupons
      And "Ravi" holds a coupon of "Welcome"
      And "Ravi" has been merged into "Asha" on request
      Then "Asha" holds 1 coupon of "Welcome"
      And "Asha" has 1 active coupon
      And "Ravi" holds 0 coupons of "Welcome"
      When "Asha" redeems the coupon of "Welcome" issued to "Ravi"
      Then the request succeeds
      And "Asha" has no active coupons

  Rule: Subscriptions, tier and test or control group stay with their own customer

    @seed:003 @req:003-051
    Scenario: The victim's opt-outs are not copied onto the survivor
      Given "Asha" set these subscriptions through INSTORE:
        | channel | promotional | transactional |
        | email   | opted in    | opted in      |
      And "Ravi" set these subscriptions through INSTORE:
        | channel | promotional | transactional |
        | email   | opted out   | opted out     |
      When a merge of "Ravi" into "Asha" is requested
      Then the request succeeds
      And the INSTORE subscriptions of "Asha" show:
        | channel | promotional | transactional |
        | email   | opted in    | opted in      |
      And the INSTORE subscriptions of "Ravi" show:
        | channel | promotional | transactional |
        | email   | opted out   | opted out     |

    @seed:003 @req:003-053
    Scenario: Points moved by a merge lift nobody into a higher tier (Gold starts at 1000 lifetime points)
      Given a loyalty customer "Meera" registered through INSTORE with mobile M3
      And a loyalty customer "Kiran" registered through INSTORE with mobile M4
      And "Meera" has been given 600 goodwill points
      And "Kiran" has been given 600 goodwill points
      When a merge of "Kiran" into "Meera" is requested
      Then the request succeeds
      And "Meera" has 1200 points
      And "Meera" has 600 lifetime points and has redeemed 0
      And "Meera" is in tier "Silver"

    @seed:003 @req:003-054
    Scenario: The survivor keeps its own test or control group
      Given "Asha" is in the control group
      And "Ravi" is in the test group
      When a merge of "Ravi" into "Asha" is requested
      Then the request succeeds
      And "Asha" shows the test and control status control
