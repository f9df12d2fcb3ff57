Feature: External IDs generated from a card-number series
  Seed 001 "External ID configuration": an org can have the platform generate each customer's external ID
  from a card-number series: a prefix, a running sequence number starting at the offset, and a check digit
  (LUHN_ALGO, MOD7_ALGO) or a suffix (AUTO_INC), CONF_CARD_NUMBER_LENGTH characters in all. For the source
  accounts the org names, the generated external ID replaces the one in the customer-add payload.

  # Ruling 31: the sequence number is zero-padded to fill the length left by prefix, suffix and check digit,
  # and the first number issued is the offset itself (offset 10: numbers 0-9 are never issued).
  # The exact numbers of these scenarios need a new org: a fixed org's series has issued numbers before.
  Rule: The generated external ID replaces the one in the customer-add payload

    @seed:000 @seed:001 @req:001-20 @req:000-59 @req:001-21 @req:000-60 @req:001-22 @req:000-61 @req:001-24 @req:000-63 @req:001-26 @req:000-65 @req:001-29 @req:000-68 @req:001-35 @req:000-55 @req:001-37 @req:000-57 @new-org
    Scenario: Seed example: AUTO_INC, length 12, prefix 1234, suffix 3401, offset 3000 gives 123430003401
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 12         |
        | CONF_CARD_NUMBER_PREFIX             | 1234       |
        | CONF_CARD_NUMBER_SUFFIX             | 3401       |
        | CONF_CARD_NUMBER_OFFSET             | 3000       |
      When a loyalty registration arrives through INSTORE with mobile M1 and external id X1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has mobile M1 and external id 123430003401
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Ben"
      And "Ben" has mobile M2 and external id 123430013401

    # Seed 001 "Customer Registration Configuration": CONF_CARD_NUMBER_SUFFIX "supports alphanumeric value".
    # 77 + the sequence number 00005 + IN4: ten characters.
    @seed:000 @seed:001 @req:001-35 @req:000-55 @new-org
    Scenario: An alphanumeric suffix ends every generated external ID
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 10         |
        | CONF_CARD_NUMBER_PREFIX             | 77         |
        | CONF_CARD_NUMBER_SUFFIX             | IN4        |
        | CONF_CARD_NUMBER_OFFSET             | 5          |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And "Asha" has mobile M1 and external id 7700005IN4
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Ben"
      And "Ben" has mobile M2 and external id 7700006IN4

    # Ruling 31: seed 001 "for a card number series with offset value 3000, can be 111200000030004,
    # 111200000030015 etc." Of the readings of this example (LUHN_ALGO or MOD7_ALGO, prefix in the checksum or not), only
    # MOD7_ALGO over the sequence alone (CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT NONE) gives both numbers:
    # 3000 mod 7 = 4 and 3001 mod 7 = 5, with prefix 1112 and length 15.
    @seed:000 @seed:001 @req:001-23 @req:000-62 @req:001-27 @req:000-66 @req:001-30 @req:000-69 @new-org
    Scenario: Seed example: a series with offset 3000 issues 111200000030004, then 111200000030015
      Given an org with these settings:
        | setting                                   | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED       | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED        | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO             | MOD7_ALGO  |
        | CONF_CARD_NUMBER_LENGTH                   | 15         |
        | CONF_CARD_NUMBER_PREFIX                   | 1112       |
        | CONF_CARD_NUMBER_OFFSET                   | 3000       |
        | CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT | NONE       |
      When a loyalty registration arrives through INSTORE with mobile M1 and external id X1
      Then the request created a new customer "Asha"
      And "Asha" has external id 111200000030004
      When a loyalty registration arrives through INSTORE with mobile M2 and external id X2
      Then the request created a new customer "Ben"
      And "Ben" has external id 111200000030015

    # 4111 + 00000000000 + the Luhn check digit of 411100000000000 (prefix included).
    @seed:000 @seed:001 @req:001-23 @req:000-62 @req:001-28 @req:000-67 @req:001-30 @req:000-69 @req:001-34 @req:000-54 @new-org
    Scenario: A Luhn series whose check digit covers the prefix
      Given an org with these settings:
        | setting                                   | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED       | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED        | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO             | LUHN_ALGO  |
        | CONF_CARD_NUMBER_LENGTH                   | 16         |
        | CONF_CARD_NUMBER_PREFIX                   | 4111       |
        | CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT | PREFIX     |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And "Asha" has external id 4111000000000008
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Ben"
      And "Ben" has external id 4111000000000016

    # Seed 001: CONF_CARD_NUMBER_GENERATION_ENABLED "0 disable": a series and its source accounts alone
    # generate nothing.
    @seed:001 @req:001-20 @req:001-21
    Scenario: With generation disabled, the external ID of the payload is kept
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 0          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 8          |
        | CONF_CARD_NUMBER_PREFIX             | WE         |
      When a loyalty registration arrives through INSTORE with mobile M1 and external id X1
      Then the request created a new customer "Asha"
      And "Asha" has mobile M1 and external id X1

    # Ruling 31 with the shortest length the seed allows (CONF_CARD_NUMBER_LENGTH 1 to 50): the sequence
    # number alone.
    @seed:001 @req:001-20 @req:001-24 @req:001-26 @new-org
    Scenario: A series one character long issues 0, then 1
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 1          |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And "Asha" has mobile M1 and external id 0
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Ben"
      And "Ben" has mobile M2 and external id 1

  Rule: SOURCE_ACCOUNTS_EXTERNALID_ENABLED: only registrations through the named source accounts get one

    # Ruling 34: the seed 001 table's value syntax beats the registration table's "check this" wording (ruling 1).
    @seed:000 @seed:001 @req:001-22 @req:000-61 @req:001-33 @req:000-53 @req:001-36 @req:000-56 @new-org
    Scenario: Instore and Webengage account 1234 get generated external IDs; other accounts keep theirs
      Given an org with these settings:
        | setting                             | value                           |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1                               |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:", "web_engage:1234"   |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC                        |
        | CONF_CARD_NUMBER_LENGTH             | 8                               |
        | CONF_CARD_NUMBER_PREFIX             | WE                              |
      When a loyalty registration arrives through INSTORE with mobile M1 and external id X1
      Then the request created a new customer "Asha"
      And "Asha" has external id WE000000
      When a loyalty registration arrives through WEB_ENGAGE account "1234" with mobile M2 and external id X2
      Then the request created a new customer "Ben"
      And "Ben" has external id WE000001
      When a loyalty registration arrives through WEB_ENGAGE account "999" with mobile M3 and external id X3
      Then the request created a new customer "Chen"
      And "Chen" has external id X3
      When a loyalty registration arrives through WEBSITE with mobile M4 and external id X4
      Then the request created a new customer "Dana"
      And "Dana" has external id X4

  Rule: A generated external ID is never another customer's, and a refused registration takes no number

    @seed:000 @seed:001 @req:001-20 @req:000-59 @req:001-38 @req:000-58 @seed:contract @req:contract-64 @new-org
    Scenario: A refused registration takes no number; with offset 10 the first ten numbers are never issued
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 6          |
        | CONF_CARD_NUMBER_OFFSET             | 10         |
      When a loyalty registration arrives through INSTORE with mobile M1 and email not-an-email
      Then the request is refused with error 8055
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Asha"
      And "Asha" has external id 000010

    # Ruling 33: seed 001 gives CONF_CARD_NUMBER_OFFSET "Any integer value", and seed 000 says the offset is
    # "the card sequence numbers that you want to ignore from the top": a negative offset ignores none, so the
    # first number issued is the first of the sequence, as with offset 0.
    @seed:000 @seed:001 @req:001-27 @req:000-66 @req:001-38 @req:000-58 @new-org
    Scenario: A negative offset is accepted and ignores no number
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 6          |
        | CONF_CARD_NUMBER_OFFSET             | -1         |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And "Asha" has external id 000000
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Ben"
      And "Ben" has external id 000001

    @seed:000 @seed:001 @req:001-20 @req:000-59 @new-org
    Scenario: A number another customer already holds as external ID is skipped
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 6          |
      And a loyalty customer "Carol" registered through WEBSITE with mobile M1 and external id 000000
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Asha"
      And "Asha" has external id 000001
      And "Carol" has external id 000000

    # Ruling 35: the series' sequence only moves forward; a number once generated is not generated again.
    @seed:000 @seed:001 @req:001-20 @req:000-59 @new-org
    Scenario: A generated external ID its customer gave up is not generated again
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 6          |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And "Asha" has external id 000000
      When "Asha" adds the external id X5 through INSTORE
      Then the request succeeds
      And "Asha" has external id X5
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Ben"
      And "Ben" has external id 000001

    # Ruling 35: a registration that joins an existing customer keeps that customer's external ID and takes
    # no number.
    @seed:000 @seed:001 @req:001-20 @req:000-59 @req:001-22 @req:000-61 @new-org
    Scenario: A registration that joins a customer with an external ID takes no number
      Given an org with these settings:
        | setting                             | value                         |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1                             |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:", "web_engage:1234" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC                      |
        | CONF_CARD_NUMBER_LENGTH             | 6                             |
      When a loyalty registration arrives through INSTORE with mobile M1
      Then the request created a new customer "Asha"
      And "Asha" has external id 000000
      When a loyalty registration arrives through WEB_ENGAGE account "1234" with mobile M1
      Then the request succeeds
      And the request's customer is "Asha"
      And "Asha" has external id 000000
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request created a new customer "Ben"
      And "Ben" has external id 000001

    @seed:000 @seed:001 @req:001-24 @req:000-63 @seed:contract @req:contract-64 @new-org
    Scenario: A series whose sequence is used up refuses the registration and creates nothing
      Given an org with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO       | AUTO_INC   |
        | CONF_CARD_NUMBER_LENGTH             | 2          |
        | CONF_CARD_NUMBER_OFFSET             | 99         |
      And a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a loyalty registration arrives through INSTORE with mobile M2
      Then the request is refused with error 8263
      And no customer is found with mobile M2
      And "Asha" has external id 99
