Feature: A customer app moves no points a status label blocks
  Seed 003 "OAuth2 Sign-in for Customer Apps": a customer can, through a partner app, "perform actions like
  redeeming available points, transferring points". Seeds 000 and 001, the restriction table: "Block points
  redemption: Restrict from redeeming points", "Block points allocation: Restrict from providing points".

  # Ruling 110: a points transfer is a redemption for the sender and an allocation for the recipient, whoever
  # asks for it: the till, or the customer through a partner app. Refused, it moves nothing.

  Background:
    Given the org setting CONF_CUSTOMER_STATUS_ENABLED is true

  Rule: A transfer the sender's or the recipient's label blocks is refused

    @seed:003 @seed:001 @seed:000 @req:003-205 @req:001-94 @req:000-87 @req:001-93 @req:000-86
    Scenario Outline: <restriction> on <who>: the app's transfer is refused with <error>
      Given the org's status labels, created in this order:
        | status    | label   | restrictions  |
        | Active    | Regular |               |
        | Suspended | Held    | <restriction> |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ravi" registered through INSTORE with mobile M2
      And "Asha" has been given 300 goodwill points
      And a partner app "CarDash" registered with the redirect URL "https://cardash.example/oauth/callback"
      And "Asha" has signed in to "CarDash" with mobile M1
      And "<who>" has been given the status label "Held"
      When "CarDash" transfers 100 points of "Asha" to mobile M2 with the access token of "Asha"
      Then the request is refused with error <error>
      And "Asha" has 300 points
      And "Ravi" has 0 points

      Examples:
        | restriction             | who  | error |
        | Block points redemption | Asha | 3045  |
        | Block points allocation | Ravi | 809   |
