Feature: Cards on a customer
  Seed 002 "Cards": a customer's cards are shown with their status and label. A card is linked (an existing
  number, after checking it is available) or issued (the next number of a card series), with an ACTIVE
  label; its status and label can be changed later. A card number also finds its customer.

  # Ruling 35: an org has one card series, id 1, the one its CONF_CARD_* settings define (seed 001); issued
  # cards and generated external IDs share its sequence. Card statuses are ACTIVE, SUSPENDED, EXPIRED and
  # DELETED; a label is free text and defaults to the status.
  Rule: Link card: a number nobody holds, with an ACTIVE label

    @seed:002 @req:002-20 @req:002-21 @req:002-27 @seed:contract @req:contract-60 @req:contract-65
    Scenario: A linked card is shown on the customer and finds the customer
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When card C1 is linked to "Asha" through INSTORE
      Then the request succeeds
      And the cards of "Asha" are:
        | card | status | label  |
        | C1   | ACTIVE | ACTIVE |
      And looking up the card number C1 through INSTORE finds "Asha"

    @seed:002 @req:002-21 @seed:contract @req:contract-62
    Scenario: Check availability before linking
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And card C1 is linked to "Asha"
      When the availability of card C1 is checked
      Then the card is not available because "another customer holds it"
      When the availability of card C2 is checked
      Then the card is available

    @seed:002 @req:002-21 @seed:contract @req:contract-60
    Scenario: A card another customer holds cannot be linked
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      And card C1 is linked to "Asha"
      When card C1 is linked to "Ben" through INSTORE
      Then the request is refused with error 8266
      And "Ben" has no cards
      And looking up the card number C1 through INSTORE finds "Asha"

    @seed:002 @req:002-22 @seed:contract @req:contract-60
    Scenario: Only an ACTIVE label can be assigned when linking
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When card C1 is linked to "Asha" through INSTORE with the label SUSPENDED
      Then the request is refused with error 8269
      And "Asha" has no cards

    @seed:002 @req:002-27 @seed:contract @req:contract-65
    Scenario: A card number nobody holds finds no customer
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a customer is looked up through INSTORE by the card number C9
      Then the request is refused with error 8015

    # Ruling 35: a merge victim's card still finds its survivor.
    @seed:002 @req:002-27 @seed:contract @req:contract-65
    Scenario: The card of a merged customer finds the customer it was merged into
      Given a non-loyalty customer "Campaign User" registered through INSTORE with mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      And card C1 is linked to "Campaign User"
      And "Campaign User" has been merged into "Loyalty User" on request
      Then looking up the card number C1 through INSTORE finds "Loyalty User"
      And the cards of "Loyalty User" are:
        | card | status | label  |
        | C1   | ACTIVE | ACTIVE |

    @seed:002 @req:002-21 @seed:contract @req:contract-60
    Scenario: Linking a card the customer already holds changes nothing
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And card C1 is linked to "Asha"
      When card C1 is linked to "Asha" through INSTORE
      Then the request succeeds
      And the cards of "Asha" are:
        | card | status | label  |
        | C1   | ACTIVE | ACTIVE |

    # A number typed with spaces around it is the same number.
    @seed:002 @req:002-21 @req:002-27 @seed:contract @req:contract-60 @req:contract-62 @req:contract-65
    Scenario: Spaces around a card number are not part of it
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When card C1 written with a space on each side is linked to "Asha" through INSTORE
      Then the request succeeds
      And the cards of "Asha" are:
        | card | status | label  |
        | C1   | ACTIVE | ACTIVE |
      When the availability of card C1 written with a space on each side is checked
      Then the card is not available because "another customer holds it"
      And looking up the card number C1 written with a space on each side through INSTORE finds "Asha"

    @seed:002 @req:002-21 @seed:contract @req:contract-60
    Scenario Outline: A card with <what> is refused
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a card with <what> is linked to "Asha" through INSTORE
      Then the request is refused with error 8205
      And "Asha" has no cards

      Examples:
        | what                    |
        | an empty number         |
        | a blank number          |

    @seed:002 @req:002-21 @seed:contract @req:contract-60 @req:contract-31
    Scenario: A card cannot be linked to a customer merged into another, nor to one no one registered
      Given a non-loyalty customer "Campaign User" registered through INSTORE with mobile M1
      And a loyalty customer "Loyalty User" registered through INSTORE with mobile M2
      And "Campaign User" has been merged into "Loyalty User" on request
      When card C1 is linked to "Campaign User" through INSTORE
      Then the request is refused with error 8067
      When card C1 is linked to a customer no one registered through INSTORE
      Then the request is refused with error 8015
      And "Loyalty User" has no cards
      When the availability of card C1 is checked
      Then the card is available

    # Seed 002 "Link card" goes through the identifier change: a card and identifiers sent together are all taken.
    @seed:002 @req:002-21 @seed:contract @req:contract-60
    Scenario: A card and a new email in one identifier change are both taken
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When "Asha" links card C1 and adds the email E1 in one change through INSTORE
      Then the request succeeds
      And "Asha" has mobile M1 and email E1
      And the cards of "Asha" are:
        | card | status | label  |
        | C1   | ACTIVE | ACTIVE |

  Rule: Issue card: the next number of the selected card series

    # Series 1: LUHN_ALGO, 10 characters, prefix 77, offset 500: 77 + 0000500 + check digit 9.
    @seed:000 @seed:002 @req:002-23 @seed:001 @req:001-34 @req:000-54 @seed:contract @req:contract-60 @new-org
    Scenario: Issuing cards from the series gives its numbers in order
      Given an org with these settings:
        | setting                       | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH       | 10        |
        | CONF_CARD_NUMBER_PREFIX       | 77        |
        | CONF_CARD_NUMBER_OFFSET       | 500       |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      When a card of series 1 is issued to "Asha" through INSTORE
      Then the request succeeds
      When a card of series 1 is issued to "Ben" through INSTORE
      Then the request succeeds
      And the cards of "Asha" are:
        | card       | status | label  | series |
        | 7700005009 | ACTIVE | ACTIVE | 1      |
      And the cards of "Ben" are:
        | card       | status | label  | series |
        | 7700005017 | ACTIVE | ACTIVE | 1      |
      And looking up the card number 7700005017 through INSTORE finds "Ben"

    @seed:002 @req:002-21 @req:002-23 @seed:contract @req:contract-60 @new-org
    Scenario: A linked number of the series is checked against it, and issuing skips it
      Given an org with these settings:
        | setting                       | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH       | 10        |
        | CONF_CARD_NUMBER_PREFIX       | 77        |
        | CONF_CARD_NUMBER_OFFSET       | 500       |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      When the availability of card 7700005008 in series 1 is checked
      Then the card is not available because "check digit"
      When card 7700005008 of series 1 is linked to "Ben" through INSTORE
      Then the request is refused with error 8268
      When card 7700005009 of series 1 is linked to "Ben" through INSTORE
      Then the request succeeds
      And card C1 is linked to "Ben"
      When a card of series 1 is issued to "Asha" through INSTORE
      Then the request succeeds
      And the cards of "Asha" are:
        | card       | status | label  | series |
        | 7700005017 | ACTIVE | ACTIVE | 1      |
      And the cards of "Ben" are:
        | card       | status | label  | series |
        | 7700005009 | ACTIVE | ACTIVE | 1      |
        | C1         | ACTIVE | ACTIVE | none   |

    # Seed 001: a number of the series is its prefix, the zero-padded sequence number and the check digit,
    # CONF_CARD_NUMBER_LENGTH characters in all (ruling 31).
    @seed:001 @req:001-23 @req:001-24 @req:001-28 @seed:002 @req:002-21 @seed:contract @req:contract-60 @new-org
    Scenario Outline: A number with <what> is not a number of the series
      Given an org with these settings:
        | setting                       | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH       | 10        |
        | CONF_CARD_NUMBER_PREFIX       | 77        |
        | CONF_CARD_NUMBER_OFFSET       | 500       |
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      When card <number> of series 1 is linked to "Ben" through INSTORE
      Then the request is refused with error 8268
      And "Ben" has no cards

      # 7700005009 is a number of the series; 77A0005004 ends with the check digit its characters would give.
      Examples:
        | what                            | number      |
        | one character too many          | 77000050091 |
        | another prefix                  | 7800005009  |
        | a letter in its sequence number | 77A0005004  |

    # 77 + 0000600 + the Luhn check digit 7: a number of the series that was never issued.
    @seed:001 @req:001-23 @req:001-24 @seed:002 @req:002-21 @seed:contract @req:contract-60 @req:contract-62 @new-org
    Scenario: A number of the series nobody was issued is available and can be linked as one
      Given an org with these settings:
        | setting                       | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH       | 10        |
        | CONF_CARD_NUMBER_PREFIX       | 77        |
        | CONF_CARD_NUMBER_OFFSET       | 500       |
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      When the availability of card 7700006007 in series 1 is checked
      Then the card is available
      When card 7700006007 of series 1 is linked to "Ben" through INSTORE
      Then the request succeeds
      And the cards of "Ben" are:
        | card       | status | label  | series |
        | 7700006007 | ACTIVE | ACTIVE | 1      |

    # Seed 001: with AUTO_INC there is no check digit and the suffix ends the number: 77 + 00042 + IN4.
    @seed:001 @req:001-26 @req:001-29 @req:001-35 @seed:002 @req:002-21 @seed:contract @req:contract-60 @new-org
    Scenario: A number of an AUTO_INC series ends with its suffix
      Given an org with these settings:
        | setting                       | value    |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | AUTO_INC |
        | CONF_CARD_NUMBER_LENGTH       | 10       |
        | CONF_CARD_NUMBER_PREFIX       | 77       |
        | CONF_CARD_NUMBER_SUFFIX       | IN4      |
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      When card 7700042IN5 of series 1 is linked to "Ben" through INSTORE
      Then the request is refused with error 8268
      When card 7700042IN4 of series 1 is linked to "Ben" through INSTORE
      Then the request succeeds
      And the cards of "Ben" are:
        | card       | status | label  | series |
        | 7700042IN4 | ACTIVE | ACTIVE | 1      |

    # Series 1: LUHN_ALGO, 4 characters, prefix 7: 7 + 00 + 0 is its first number, 7 + 01 + 8 the next.
    @seed:002 @req:002-21 @req:002-23 @seed:contract @req:contract-60 @new-org
    Scenario: A card linked and a card issued in one change are two cards
      Given an org with these settings:
        | setting                       | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH       | 4         |
        | CONF_CARD_NUMBER_PREFIX       | 7         |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      And card C1 is linked to "Asha"
      When "Asha" links card 7000 and is issued a card of series 1 in one change through INSTORE
      Then the request succeeds
      And the cards of "Asha" are:
        | card | status | label  | series |
        | C1   | ACTIVE | ACTIVE | none   |
        | 7000 | ACTIVE | ACTIVE | none   |
        | 7018 | ACTIVE | ACTIVE | 1      |

    # Seed 002 "Issue card": "Only ACTIVE labels can be assigned to the cards issued from here."
    @seed:002 @req:002-23 @seed:contract @req:contract-60 @new-org
    Scenario: Only an ACTIVE label can be assigned when issuing, and a refused issue takes no number
      Given an org with these settings:
        | setting                       | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH       | 10        |
        | CONF_CARD_NUMBER_PREFIX       | 77        |
        | CONF_CARD_NUMBER_OFFSET       | 500       |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a card of series 1 is issued to "Asha" through INSTORE with the label SUSPENDED
      Then the request is refused with error 8269
      And "Asha" has no cards
      When a card of series 1 is issued to "Asha" through INSTORE with the label ACTIVE
      Then the request succeeds
      And the cards of "Asha" are:
        | card       | status | label  |
        | 7700005009 | ACTIVE | ACTIVE |

    # Seed 002 "Issue card": "From the Select card series drop-down, select the card series": a series the
    # org does not have cannot be selected.
    @seed:002 @req:002-23 @seed:contract @req:contract-60
    Scenario: A card series the org does not have cannot be issued from
      Given an org with these settings:
        | setting                       | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH       | 10        |
        | CONF_CARD_NUMBER_PREFIX       | 77        |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a card of series 2 is issued to "Asha" through INSTORE
      Then the request is refused with error 8267
      And "Asha" has no cards

    @seed:002 @req:002-23 @seed:contract @req:contract-60
    Scenario: An org without a card series cannot issue from one
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a card of series 1 is issued to "Asha" through INSTORE
      Then the request is refused with error 8267
      And "Asha" has no cards

    # Seed 001: a series needs both CONF_CARD_CHECKSUM_DIGIT_ALGO and CONF_CARD_NUMBER_LENGTH; one without the
    # other, or a prefix alone, defines none.
    @seed:000 @seed:001 @req:001-23 @req:000-62 @req:001-24 @req:000-63 @seed:002 @req:002-23 @seed:contract @req:contract-60
    Scenario Outline: An org with only <setting> has no card series to issue from
      Given an org with these settings:
        | setting   | value   |
        | <setting> | <value> |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a card of series 1 is issued to "Asha" through INSTORE
      Then the request is refused with error 8267
      And "Asha" has no cards

      Examples:
        | setting                       | value     |
        | CONF_CARD_NUMBER_PREFIX       | 77        |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH       | 10        |

  Rule: Change card status & label

    @seed:002 @req:002-25 @seed:contract @req:contract-61
    Scenario: A card's status and label are changed, and the label defaults to the status
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And card C1 is linked to "Asha"
      And card C2 is linked to "Asha"
      When the status of card C1 of "Asha" is changed to SUSPENDED with the label "Lost at the store"
      Then the request succeeds
      When the status of card C2 of "Asha" is changed to EXPIRED
      Then the request succeeds
      And the cards of "Asha" are:
        | card | status    | label             |
        | C1   | SUSPENDED | Lost at the store |
        | C2   | EXPIRED   | EXPIRED           |

    # Seed 002 "Change card status & label": a label left empty takes the status's name; spaces around it are dropped.
    @seed:002 @req:002-25 @seed:contract @req:contract-61
    Scenario Outline: A card's status changed with <given> shows the label <shown>
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And card C1 is linked to "Asha"
      When the status of card C1 of "Asha" is changed to SUSPENDED with <given>
      Then the request succeeds
      And the cards of "Asha" are:
        | card | status    | label   |
        | C1   | SUSPENDED | <shown> |

      Examples:
        | given                                                          | shown             |
        | an empty label                                                 | SUSPENDED         |
        | a blank label                                                  | SUSPENDED         |
        | the label "Lost at the store" written with a space on each side | Lost at the store |

    # As when a card is linked or looked up, spaces typed around a card number are not part of it.
    @seed:002 @req:002-25 @seed:contract @req:contract-61
    Scenario: Spaces around the number of a card whose status is changed are not part of it
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And card C1 is linked to "Asha"
      When the status of card C1 written with a space on each side of "Asha" is changed to SUSPENDED
      Then the request succeeds
      And the cards of "Asha" are:
        | card | status    | label     |
        | C1   | SUSPENDED | SUSPENDED |

    @seed:002 @req:002-25 @seed:contract @req:contract-61
    Scenario: Only a card the customer holds can be changed
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      And card C1 is linked to "Ben"
      And card C2 is linked to "Asha"
      When the status of card C1 of "Asha" is changed to SUSPENDED
      Then the request is refused with error 8270
      And the cards of "Ben" are:
        | card | status | label  |
        | C1   | ACTIVE | ACTIVE |

    @seed:002 @req:002-25 @seed:contract @req:contract-61
    Scenario: A customer without cards has no card to change
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And a loyalty customer "Ben" registered through INSTORE with mobile M2
      And card C1 is linked to "Ben"
      When the status of card C1 of "Asha" is changed to SUSPENDED
      Then the request is refused with error 8270
      And "Asha" has no cards

    # Ruling 35: seed 002 "You cannot configure any restrictions/blocking actions for customers based on the
    # card status": a card's status is information about the card; the customer is not restricted by it.
    @seed:002 @req:002-26
    Scenario: A deleted card restricts nothing for its customer
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      And card C1 is linked to "Asha"
      When the status of card C1 of "Asha" is changed to DELETED
      Then the request succeeds
      When "Asha" adds the email E1 through INSTORE
      Then the request succeeds
      And "Asha" has mobile M1 and email E1
      And looking up the card number C1 through INSTORE finds "Asha"
