Feature: Goodwill points by card
  Seed 003 "Card support in Goodwill Points Issual": "Card number and Card External Id support is added to
  identify a customer. Based on the card details entered, the linked loyalty program is automatically selected
  in the Program ID field. You can still choose to select a different program other than the one linked with
  the card." and "Card here acts only as a customer identifier and to identify the card linked program. Cards
  with inactive statuses like expired and blocked can also be used to issue goodwill points."

  # Ruling 164: the reference's org has one program, the one every card series is linked to ("Default Program");
  # a chosen program must be one the org has, else 11005 (the ledger's documented "invalid programId").
  # Ruling 165: "You can use cards with any status (active, expired or blocked)": blocked is seed 002's SUSPENDED;
  # a card of any status identifies its holder.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1
    And a loyalty customer "Ravi" registered through INSTORE with mobile M2
    And card C1 with the card external id X1 is linked to "Asha"
    And card C2 is linked to "Ravi"

  Rule: A card number or card external id names the customer, and the points go to the card's program

    @seed:003 @req:003-220 @req:003-221
    Scenario: Goodwill points for the holder of a card number
      When 300 goodwill points are given for "late delivery" to the holder of card C1
      Then the points went to "Asha" in the program "Default Program"
      And "Asha" has 300 points
      And "Ravi" has 0 points
      And the points ledger of "Asha" shows, after its opening balance:
        | event                  | entry  | points | reason        |
        | AllocateGoodwillPoints | CREDIT | 300    | late delivery |

    @seed:003 @req:003-220
    Scenario: Goodwill points for the holder of a card external id
      When 120 goodwill points are given for "missing stamp" to the holder of the card external id X1
      Then the points went to "Asha" in the program "Default Program"
      And "Asha" has 120 points

    @seed:003 @req:003-220
    Scenario: Goodwill points for the holder of another card external id
      Given card C3 with the card external id X2 is linked to "Ravi"
      When 80 goodwill points are given for "missing stamp" to the holder of the card external id X2
      Then the points went to "Ravi" in the program "Default Program"
      And "Ravi" has 80 points
      And "Asha" has 0 points

    @seed:003 @req:003-220
    Scenario: A card external id nobody holds names no customer
      Given a loyalty customer "Chen" registered through INSTORE with mobile M3
      When 100 goodwill points are given for "typo" to the holder of the card external id X9
      Then the request is refused with error 8015
      And "Asha" has 0 points
      And "Ravi" has 0 points

    @seed:003 @req:003-221
    Scenario: Another program than the card's can be chosen, but only one the org has
      When 50 goodwill points are given for "survey" to the holder of card C2 in program 1
      Then the points went to "Ravi" in the program "Default Program"
      When 50 goodwill points are given for "survey" to the holder of card C2 in program 987654
      Then the request is refused with error 11005
      And "Ravi" has 50 points

    @seed:003 @req:003-220
    Scenario: A card nobody holds names no customer
      When 100 goodwill points are given for "typo" to the holder of card C9
      Then the request is refused with error 8015
      And "Asha" has 0 points
      And "Ravi" has 0 points

    # As when a card is linked or looked up (cards.feature), spaces typed around a card number or a card
    # external id are not part of it.
    @seed:003 @req:003-220 @seed:002 @req:002-21
    Scenario: Spaces around a card number or a card external id are not part of it
      Given card C3 with the card external id X2 written with a space on each side is linked to "Ravi"
      When 40 goodwill points are given for "apology" to the holder of card C1 written with a space on each side
      Then the points went to "Asha" in the program "Default Program"
      When 60 goodwill points are given for "apology" to the holder of the card external id X2
      Then the points went to "Ravi" in the program "Default Program"
      And "Asha" has 40 points
      And "Ravi" has 60 points

  Rule: Cards of any status can be used

    @seed:003 @req:003-222
    Scenario Outline: A card that is <status> still names its holder for goodwill points
      Given the status of card C1 of "Asha" is changed to <status>
      When 75 goodwill points are given for "apology" to the holder of card C1
      Then the points went to "Asha" in the program "Default Program"
      And "Asha" has 75 points

      Examples:
        | status    |
        | ACTIVE    |
        | EXPIRED   |
        | SUSPENDED |
        | DELETED   |
